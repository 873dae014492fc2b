package org.openmaf.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.HexFormat;

import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.Test;

/**
 * {@link X25519Provider} computes what RFC 7748 and the JDK compute, refuses what the JDK refuses, and leaves X448 to
 * the JDK. The TLS handshakes that use it are proven against OpenSSL by the interop tests, which run the packaged MAF.
 */
class X25519ProviderTest {

    private static final HexFormat HEX = HexFormat.of();
    // RFC 7748 section 6.1
    private static final String ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    private static final String ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private static final String BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private static final String BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    private static final String SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    private static final Provider SUN_EC = Security.getProvider("SunEC");

    /** Not installed: asked by reference, so the tests do not depend on what else the JVM has installed. */
    private final X25519Provider provider = new X25519Provider();

    @Test
    void theRfc7748VectorsHold() throws Exception {
        assertThat(HEX.formatHex(agree(privateKey(ALICE_PRIVATE), publicKey(BOB_PUBLIC), provider))).isEqualTo(SHARED);
        assertThat(HEX.formatHex(agree(privateKey(BOB_PRIVATE), publicKey(ALICE_PUBLIC), provider))).isEqualTo(SHARED);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH", provider);
        generator.initialize(NamedParameterSpec.X25519, new FixedRandom(HEX.parseHex(ALICE_PRIVATE)));
        KeyPair alice = generator.generateKeyPair();
        assertThat(((XECPublicKey) alice.getPublic()).getU()).isEqualTo(u(ALICE_PUBLIC));
        assertThat(HEX.formatHex(agree(alice.getPrivate(), publicKey(BOB_PUBLIC), provider))).isEqualTo(SHARED);
    }

    @Test
    void itsKeysAndTheJdksAgreeEitherWay() throws Exception {
        KeyPairGenerator ours = KeyPairGenerator.getInstance("XDH", provider);
        ours.initialize(NamedParameterSpec.X25519);
        KeyPairGenerator jdks = KeyPairGenerator.getInstance("XDH", "SunEC");
        jdks.initialize(NamedParameterSpec.X25519);
        for (int i = 0; i < 20; i++) {
            KeyPair a = ours.generateKeyPair();
            KeyPair b = jdks.generateKeyPair();
            assertThat(a.getPublic().getClass()).isSameAs(b.getPublic().getClass());
            byte[] computedHere = agree(a.getPrivate(), b.getPublic(), provider);
            assertThat(computedHere).hasSize(32)
                    .isEqualTo(agree(a.getPrivate(), b.getPublic(), SUN_EC))
                    .isEqualTo(agree(b.getPrivate(), a.getPublic(), SUN_EC))
                    .isEqualTo(agree(b.getPrivate(), a.getPublic(), provider));
        }
    }

    @Test
    void aPointOfSmallOrderIsRefusedAsTheJdkRefusesIt() throws Exception {
        KeyAgreement agreement = KeyAgreement.getInstance("XDH", provider);
        agreement.init(privateKey(ALICE_PRIVATE));
        for (BigInteger smallOrder : new BigInteger[] { BigInteger.ZERO, BigInteger.ONE }) {
            PublicKey peer = KeyFactory.getInstance("XDH", "SunEC")
                    .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, smallOrder));
            assertThatThrownBy(() -> agreement.doPhase(peer, true)).isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("small order");
        }
    }

    @Test
    void aSecretIsHandedOutOnce() throws Exception {
        KeyAgreement agreement = KeyAgreement.getInstance("XDH", provider);
        agreement.init(privateKey(ALICE_PRIVATE));
        agreement.doPhase(publicKey(BOB_PUBLIC), true);
        assertThat(agreement.generateSecret("TlsPremasterSecret").getEncoded()).isEqualTo(HEX.parseHex(SHARED));
        assertThatThrownBy(agreement::generateSecret).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenInstalledItServesX25519AndTheJdkServesX448() throws Exception {
        boolean inserted = Security.insertProviderAt(provider, 1) != -1;
        try {
            KeyPairGenerator x25519 = KeyPairGenerator.getInstance("XDH");
            x25519.initialize(NamedParameterSpec.X25519);
            KeyPair pair = x25519.generateKeyPair();
            assertThat(x25519.getProvider().getName()).isEqualTo(X25519Provider.NAME);
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(pair.getPrivate());
            assertThat(agreement.getProvider().getName()).isEqualTo(X25519Provider.NAME);

            KeyPairGenerator x448 = KeyPairGenerator.getInstance("XDH");
            x448.initialize(NamedParameterSpec.X448);
            KeyPair pair448 = x448.generateKeyPair();
            assertThat(x448.getProvider().getName()).isEqualTo("SunEC");
            KeyAgreement agreement448 = KeyAgreement.getInstance("XDH");
            agreement448.init(pair448.getPrivate());
            agreement448.doPhase(x448.generateKeyPair().getPublic(), true);
            assertThat(agreement448.getProvider().getName()).isEqualTo("SunEC");
            assertThat(agreement448.generateSecret()).hasSize(56);
        } finally {
            if (inserted) {
                Security.removeProvider(X25519Provider.NAME);
            }
        }
    }

    private static byte[] agree(PrivateKey own, PublicKey peer, Provider provider) throws Exception {
        KeyAgreement agreement = KeyAgreement.getInstance("XDH", provider);
        agreement.init(own);
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }

    private static PrivateKey privateKey(String hex) throws Exception {
        return KeyFactory.getInstance("XDH", "SunEC").generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, HEX.parseHex(hex)));
    }

    private static PublicKey publicKey(String hex) throws Exception {
        return KeyFactory.getInstance("XDH", "SunEC").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u(hex)));
    }

    private static BigInteger u(String littleEndianHex) {
        return X25519Keys.littleEndian(HEX.parseHex(littleEndianHex));
    }

    /** Hands out the given bytes, for a key pair of a known scalar. */
    private static final class FixedRandom extends SecureRandom {
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] into) {
            System.arraycopy(bytes, 0, into, 0, into.length);
        }
    }
}
