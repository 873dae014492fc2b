package org.openmaf.crypto;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;

/** RFC 7748's little-endian encoding of X25519 values, and the JDK's key factory for its key objects. */
final class X25519Keys {

    static final SecureRandom RANDOM = new SecureRandom();
    private static final int SIZE = 32;

    private X25519Keys() {
    }

    static boolean isX25519(AlgorithmParameterSpec params) {
        return params instanceof NamedParameterSpec named && NamedParameterSpec.X25519.getName().equalsIgnoreCase(named.getName());
    }

    /** SunEC's, whose key classes the JDK's TLS and every other JDK caller know. */
    static KeyFactory jdkKeyFactory() {
        try {
            return KeyFactory.getInstance("XDH", "SunEC");
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            throw new ProviderException("The JDK's SunEC provider is required for X25519 keys", e);
        }
    }

    static BigInteger littleEndian(byte[] value) {
        byte[] bigEndian = new byte[value.length];
        for (int i = 0; i < value.length; i++) {
            bigEndian[i] = value[value.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** u as 32 bytes, little-endian (RFC 7748 section 5); the JDK's keys hold it reduced modulo 2^255 - 19. */
    static byte[] littleEndian(BigInteger u) throws InvalidKeyException {
        if (u.signum() < 0 || u.bitLength() > SIZE * 8) {
            throw new InvalidKeyException("Not an X25519 u-coordinate");
        }
        byte[] bigEndian = u.toByteArray();
        byte[] encoded = new byte[SIZE];
        for (int i = 0; i < Math.min(SIZE, bigEndian.length); i++) {
            encoded[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return encoded;
    }
}
