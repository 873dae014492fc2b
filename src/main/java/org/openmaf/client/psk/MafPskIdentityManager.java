package org.openmaf.client.psk;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bouncycastle.tls.TlsPSKIdentityManager;
import org.openmaf.wire.KeyIdentifier;
import org.openmaf.client.KeyRegistrationRequest;
import org.openmaf.client.RetrievedKey;

/**
 * Entity B's side of the MAF-based SAEF (TS-0003 8.2.2.3) for ONE TLS-PSK handshake: the {@code psk_identity} must be
 * a Key Identifier {@code RelativeKeyID@MAF-FQDN} (10.3.5) of the configured MAF; Kc comes from the MAF (8.8.2.8) via
 * the cache, and the key's SUID must be the MAF-based SAEF's. On success it remembers the source's CSE-ID or AE-ID,
 * with which the security context is associated. Any refusal returns no PSK, which fails the handshake with an alert.
 */
public final class MafPskIdentityManager implements TlsPSKIdentityManager {

    private static final Logger LOG = Logger.getLogger(MafPskIdentityManager.class.getName());
    private static final int MAX_LOGGED_IDENTITY = 120;

    private final String mafFqdn;
    private final MafKeyCache keys;
    private volatile String sourceId;

    public MafPskIdentityManager(String mafFqdn, MafKeyCache keys) {
        this.mafFqdn = mafFqdn;
        this.keys = keys;
    }

    /** No hint: the identity names the MAF itself, and a hint would only tell strangers which MAF we trust. */
    @Override
    public byte[] getHint() {
        return null;
    }

    @Override
    public byte[] getPSK(byte[] identityBytes) {
        String identity = new String(identityBytes, StandardCharsets.UTF_8);
        KeyIdentifier keyIdentifier;
        try {
            keyIdentifier = KeyIdentifier.parse(identity);
        } catch (IllegalArgumentException e) {
            return refuse(identity, "not a Key Identifier (" + e.getMessage() + ")");
        }
        if (!keyIdentifier.isIssuedBy(mafFqdn)) {
            return refuse(identity, "issued by another MAF than " + mafFqdn);
        }
        Optional<RetrievedKey> key = keys.lookup(keyIdentifier);
        if (key.isEmpty()) {
            return refuse(identity, "unknown, expired or not retrievable by this CSE");
        }
        if (key.get().suid() != KeyRegistrationRequest.SUID_MAF_SAEF) {
            // The SUID limits where Kc may be used: only keys registered for the MAF-based SAEF (8.2.2.3).
            return refuse(identity, "registered for SUID " + key.get().suid() + ", not the MAF-based SAEF");
        }
        sourceId = key.get().sourceId();
        return key.get().key();
    }

    /**
     * The source MAF client ID the key was registered by; meaningful only once the handshake has completed, which
     * proves the peer holds Kc.
     */
    public Optional<String> sourceId() {
        return Optional.ofNullable(sourceId);
    }

    private static byte[] refuse(String identity, String reason) {
        LOG.log(Level.WARNING, "refused psk_identity \"{0}\": {1}", new Object[] {printable(identity), reason});
        return null;
    }

    /** Identities come from strangers: keep log lines short and free of control characters. */
    static String printable(String identity) {
        String shortened = identity.length() > MAX_LOGGED_IDENTITY ? identity.substring(0, MAX_LOGGED_IDENTITY) + "..." : identity;
        return shortened.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
