package org.openmaf.client;

import org.openmaf.wire.KeyIdentifier;

import java.time.Instant;

/**
 * The outcome of a MAF Key Registration (TS-0003 8.8.2.7) for the source client: the Key Identifier to send as
 * {@code psk_identity} and the key to use as {@code psk} (Kc, TS-0003 8.2.2.3), valid until {@code expirationTime}.
 * The key never appears in {@link #toString()}.
 */
public final class RegisteredKey {

    private final KeyIdentifier keyIdentifier;
    private final byte[] psk;
    private final KeyMetadata metadata;

    RegisteredKey(KeyIdentifier keyIdentifier, byte[] psk, KeyMetadata metadata) {
        this.keyIdentifier = keyIdentifier;
        this.psk = psk.clone();
        this.metadata = metadata;
    }

    public KeyIdentifier keyIdentifier() {
        return keyIdentifier;
    }

    public String relativeKeyId() {
        return keyIdentifier.relativeKeyId();
    }

    public byte[] psk() {
        return psk.clone();
    }

    public Instant expirationTime() {
        return metadata.expirationTime();
    }

    public KeyMetadata metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "RegisteredKey[keyIdentifier=" + keyIdentifier + ", expirationTime=" + expirationTime() + ", psk=(hidden)]";
    }
}
