package org.openmaf.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;

import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 key pairs (RFC 7748 section 6.1): a random 32-byte scalar and its public u-coordinate, computed by
 * BouncyCastle, returned as the JDK's own key objects (SunEC's key factory), which the JDK's TLS reads the public value
 * from ({@code XECPublicKey.getU}). Any other curve is refused, so the JCA asks the next provider.
 */
final class X25519KeyPairGenerator extends KeyPairGeneratorSpi {

    private SecureRandom random;

    @Override
    public void initialize(int keySize, SecureRandom random) {
        if (keySize != 255) {
            throw new InvalidParameterException("Only X25519 (255 bits) here, not " + keySize);
        }
        this.random = random;
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random) throws InvalidAlgorithmParameterException {
        if (!X25519Keys.isX25519(params)) {
            throw new InvalidAlgorithmParameterException("Only X25519 here");
        }
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        byte[] scalar = new byte[X25519.SCALAR_SIZE];
        byte[] u = new byte[X25519.POINT_SIZE];
        try {
            X25519.generatePrivateKey(random != null ? random : X25519Keys.RANDOM, scalar);
            X25519.generatePublicKey(scalar, 0, u, 0);
            KeyFactory jdkKeys = X25519Keys.jdkKeyFactory();
            return new KeyPair(
                    jdkKeys.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, X25519Keys.littleEndian(u))),
                    jdkKeys.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar)));
        } catch (GeneralSecurityException e) {
            throw new ProviderException("X25519 key pair", e);
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }
}
