package org.openmaf.crypto;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;

import javax.crypto.KeyAgreementSpi;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 agreement (RFC 7748 section 6.1) by BouncyCastle, with the JDK's semantics ({@code sun.security.ec
 * .XDHKeyAgreement}): two parties only, the shared secret refused when it is all zero (the peer sent a point of small
 * order), each secret handed out once. Keys of another curve are refused, so the JCA asks the next provider.
 */
final class X25519KeyAgreement extends KeyAgreementSpi {

    private byte[] scalar;
    private byte[] secret;

    @Override
    protected void engineInit(Key key, SecureRandom random) throws InvalidKeyException {
        if (!(key instanceof XECPrivateKey privateKey) || !X25519Keys.isX25519(privateKey.getParams())) {
            throw new InvalidKeyException("Only X25519 private keys here");
        }
        byte[] value = privateKey.getScalar().orElseThrow(() -> new InvalidKeyException("No private key value"));
        if (value.length != X25519.SCALAR_SIZE) {
            throw new InvalidKeyException("An X25519 scalar is 32 bytes");
        }
        clear();
        scalar = value;
    }

    @Override
    protected void engineInit(Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null && !X25519Keys.isX25519(params)) {
            throw new InvalidAlgorithmParameterException("Only X25519 here");
        }
        engineInit(key, random);
    }

    @Override
    protected Key engineDoPhase(Key key, boolean lastPhase) throws InvalidKeyException {
        if (scalar == null) {
            throw new IllegalStateException("Not initialized");
        }
        if (secret != null) {
            throw new IllegalStateException("Phase already executed");
        }
        if (!lastPhase) {
            throw new IllegalStateException("Only two-party agreement: lastPhase must be true");
        }
        if (!(key instanceof XECPublicKey publicKey) || !X25519Keys.isX25519(publicKey.getParams())) {
            throw new InvalidKeyException("Only X25519 public keys here");
        }
        byte[] computed = new byte[X25519.POINT_SIZE];
        // false when the result is all zero: the contributory check of RFC 7748 section 6.1, as the JDK makes it
        if (!X25519.calculateAgreement(scalar, 0, X25519Keys.littleEndian(publicKey.getU()), 0, computed, 0)) {
            throw new InvalidKeyException("Point has small order");
        }
        secret = computed;
        return null;
    }

    @Override
    protected byte[] engineGenerateSecret() {
        if (secret == null) {
            throw new IllegalStateException("Not initialized correctly");
        }
        byte[] result = secret;
        secret = null;
        return result;
    }

    @Override
    protected int engineGenerateSecret(byte[] sharedSecret, int offset) throws ShortBufferException {
        if (secret == null) {
            throw new IllegalStateException("Not initialized correctly");
        }
        if (secret.length > sharedSecret.length - offset) {
            throw new ShortBufferException("Need " + secret.length + " bytes");
        }
        byte[] result = engineGenerateSecret();
        System.arraycopy(result, 0, sharedSecret, offset, result.length);
        Arrays.fill(result, (byte) 0);
        return result.length;
    }

    /** The names the JDK allows for an agreement's output ({@code KeyUtil.isSupportedKeyAgreementOutputAlgorithm}). */
    @Override
    protected SecretKey engineGenerateSecret(String algorithm) throws NoSuchAlgorithmException {
        if (algorithm == null) {
            throw new NoSuchAlgorithmException("Algorithm must not be null");
        }
        if (!algorithm.equalsIgnoreCase("TlsPremasterSecret") && !algorithm.equalsIgnoreCase("Generic")) {
            throw new NoSuchAlgorithmException("Unsupported secret key algorithm: " + algorithm);
        }
        byte[] result = engineGenerateSecret();
        try {
            return new SecretKeySpec(result, algorithm);
        } finally {
            Arrays.fill(result, (byte) 0);
        }
    }

    private void clear() {
        if (scalar != null) {
            Arrays.fill(scalar, (byte) 0);
        }
        scalar = null;
        secret = null;
    }
}
