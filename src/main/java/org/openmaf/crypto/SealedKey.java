package org.openmaf.crypto;

/** A key value as it is stored: AES-256-GCM ciphertext (with tag), its nonce, and the id of the KEK that sealed it. */
public record SealedKey(String kekId, byte[] nonce, byte[] ciphertext) {

    @Override
    public String toString() {
        return "SealedKey[kekId=" + kekId + "]";
    }
}
