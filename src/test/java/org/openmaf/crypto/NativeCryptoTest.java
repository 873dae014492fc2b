package org.openmaf.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import javax.crypto.Cipher;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.MafTestEnvironment;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A started MAF asks the native provider first for what its TLS handshakes sign and verify and for AES-GCM, and what
 * it signs the JDK's own ECDSA verifies (and back). The handshakes themselves are proven against OpenSSL by the
 * interop tests, which run the packaged MAF with the provider installed.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class NativeCryptoTest {

    @Test
    void theNativeProviderIsAskedFirst() throws Exception {
        assertThat(NativeCrypto.installed()).isTrue();
        assertThat(Signature.getInstance("SHA256withECDSA").getProvider()).isSameAs(AmazonCorrettoCryptoProvider.INSTANCE);
        assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider()).isSameAs(AmazonCorrettoCryptoProvider.INSTANCE);
    }

    @Test
    void theHandshakesX25519IsBouncyCastlesNotTheJdks() throws Exception {
        assertThat(NativeCrypto.x25519Installed()).isTrue();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
        generator.initialize(java.security.spec.NamedParameterSpec.X25519);
        javax.crypto.KeyAgreement agreement = javax.crypto.KeyAgreement.getInstance("XDH");
        agreement.init(generator.generateKeyPair().getPrivate());
        assertThat(generator.getProvider().getName()).isEqualTo(X25519Provider.NAME);
        assertThat(agreement.getProvider().getName()).isEqualTo(X25519Provider.NAME);
    }

    @Test
    void itsEcdsaAndTheJdksAgree() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] message = "CertificateVerify".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(verifies(sign(pair, message, AmazonCorrettoCryptoProvider.PROVIDER_NAME), pair, message, "SunEC")).isTrue();
        assertThat(verifies(sign(pair, message, "SunEC"), pair, message, AmazonCorrettoCryptoProvider.PROVIDER_NAME)).isTrue();
        byte[] forged = sign(pair, message, "SunEC");
        forged[forged.length - 1] ^= 1;
        assertThat(verifies(forged, pair, message, AmazonCorrettoCryptoProvider.PROVIDER_NAME)).isFalse();
    }

    private static byte[] sign(KeyPair pair, byte[] message, String provider) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA", provider);
        signature.initSign(pair.getPrivate());
        signature.update(message);
        return signature.sign();
    }

    private static boolean verifies(byte[] signed, KeyPair pair, byte[] message, String provider) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA", provider);
        signature.initVerify(pair.getPublic());
        signature.update(message);
        try {
            return signature.verify(signed);
        } catch (java.security.SignatureException malformed) {
            return false;
        }
    }
}
