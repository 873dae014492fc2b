package org.openmaf.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.openmaf.config.MafConfig;

/**
 * The storage barrier (the HashiCorp Vault idea): key values reach the database only as AES-256-GCM ciphertext under
 * the key-encryption key (KEK). The KEK's id is stored beside each ciphertext, so a new KEK can take over while older
 * ones stay configured for decryption ({@code maf.crypto.previous-keks}). The RelativeKeyID is the associated data:
 * a ciphertext moved to another row does not decrypt.
 */
@ApplicationScoped
public class KeyEncryption {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKekId;
    private final Map<String, SecretKeySpec> keks = new HashMap<>();

    public KeyEncryption(MafConfig config) {
        this.currentKekId = config.crypto().kekId();
        config.crypto().previousKeks().forEach((id, kek) -> keks.put(id, decode("maf.crypto.previous-keks.\"" + id + "\"", kek)));
        keks.put(currentKekId, decode("maf.crypto.kek", config.crypto().kek()));
    }

    public SealedKey seal(byte[] key, String relativeKeyId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keks.get(currentKekId), nonce, relativeKeyId);
            return new SealedKey(currentKekId, nonce, cipher.doFinal(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The key value; the caller wipes it after use. */
    public byte[] open(SealedKey sealed, String relativeKeyId) {
        SecretKeySpec kek = keks.get(sealed.kekId());
        if (kek == null) {
            throw new IllegalStateException("key " + relativeKeyId + " is sealed under KEK '" + sealed.kekId()
                    + "', which is not configured (maf.crypto.kek-id or maf.crypto.previous-keks)");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, kek, sealed.nonce(), relativeKeyId).doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored key " + relativeKeyId + " does not decrypt under KEK '" + sealed.kekId()
                    + "': wrong KEK or tampered row");
        }
    }

    /** The id new values are sealed under ({@code maf.crypto.kek-id}). */
    public String currentKekId() {
        return currentKekId;
    }

    /** The ids of every configured KEK, current and previous; never their values. */
    public Set<String> configuredKekIds() {
        return new TreeSet<>(keks.keySet());
    }

    /** Whether the KEK configured under the sealed value's id opens it (false when no KEK has that id). */
    boolean opens(SealedKey sealed, String relativeKeyId, byte[] expected) {
        SecretKeySpec kek = keks.get(sealed.kekId());
        if (kek == null) {
            return false;
        }
        try {
            byte[] opened = cipher(Cipher.DECRYPT_MODE, kek, sealed.nonce(), relativeKeyId).doFinal(sealed.ciphertext());
            return MessageDigest.isEqual(opened, expected);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static final String AES_GCM = "AES/GCM/NoPadding";
    /**
     * The provider the JDK picks for AES-GCM, found once: {@code Cipher.getInstance(transformation)} walks every
     * installed provider's services on each call: about 2.5 % of the MAF's CPU under retrieval load (issue 12).
     */
    private static final Provider AES_GCM_PROVIDER = aesGcmProvider();

    private static Provider aesGcmProvider() {
        try {
            return Cipher.getInstance(AES_GCM).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + AES_GCM, e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec kek, byte[] nonce, String relativeKeyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(AES_GCM, AES_GCM_PROVIDER);
        cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(relativeKeyId.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** Refuses to start on a malformed KEK, naming the setting but never its value. */
    private static SecretKeySpec decode(String setting, String base64) {
        byte[] kek;
        try {
            kek = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not valid base64");
        }
        if (kek.length != 32) {
            throw new IllegalStateException(setting + " must be the base64 of 32 bytes (AES-256), not " + kek.length + " bytes");
        }
        return new SecretKeySpec(kek, "AES");
    }
}
