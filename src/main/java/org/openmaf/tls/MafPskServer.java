package org.openmaf.tls;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Vector;

import java.io.IOException;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.PRFAlgorithm;
import org.bouncycastle.tls.PSKTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.PskIdentity;
import org.bouncycastle.tls.BasicTlsPSKExternal;
import org.bouncycastle.tls.TlsPSKExternal;
import org.bouncycastle.tls.TlsPSKIdentityManager;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.openmaf.wire.ConnectionKeys;
import org.openmaf.wire.KmId;

/**
 * The MAF's side of ONE PSK-based MAF Handshake (TS-0003 8.8.2.2, 10.2.2; contract section 8): {@code psk_identity} =
 * KmID, {@code psk} = Km, looked up in the database for this very handshake. TLS 1.2 with
 * TLS_PSK_WITH_AES_128_CBC_SHA256 (the suite 10.2.2 names), its GCM and ECDHE_PSK relatives; TLS 1.3 with an
 * external PSK (RFC 8446 2.2, psk_dhe_ke) and the SHA-256 suites, the hash an external PSK is bound to by default.
 * No certificate is involved. The exporter is taken in {@link #notifyHandshakeComplete()}, the only moment bctls allows.
 */
final class MafPskServer extends PSKTlsServer {

    /** TLS 1.3; then TLS 1.2 with ECDHE_PSK (forward secrecy, what bctls's PSK clients offer by default) and plain PSK. */
    private static final int[] SUITES = {CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256,
            CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256};

    private final Identities identities;
    private byte[] exporter;

    MafPskServer(TlsCrypto crypto, PskCredentials credentials, String mafFqdn) {
        this(crypto, new Identities(credentials, mafFqdn));
    }

    private MafPskServer(TlsCrypto crypto, Identities identities) {
        super(crypto, identities);
        this.identities = identities;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12);
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return SUITES.clone();
    }

    /** TLS 1.3: the first offered identity that names a valid Km of this MAF. */
    @Override
    public TlsPSKExternal getExternalPSK(Vector identitiesOffered) {
        for (Object offered : identitiesOffered) {
            byte[] identity = ((PskIdentity) offered).getIdentity();
            byte[] km = identities.getPSK(identity);
            if (km != null) {
                try {
                    return new BasicTlsPSKExternal(identity, getCrypto().createSecret(km), PRFAlgorithm.tls13_hkdf_sha256);
                } finally {
                    Arrays.fill(km, (byte) 0);
                }
            }
        }
        return null;
    }

    /**
     * Asked only when no PSK was agreed: this listener has no certificate. TLS 1.3 would otherwise end in
     * internal_error; a client that offered a KmID hears unknown_psk_identity, as over TLS 1.2 (RFC 4279 2).
     */
    @Override
    public TlsCredentials getCredentials() throws IOException {
        if (TlsUtils.isTLSv13(context)) {
            throw new TlsFatalAlert(identities.asked ? AlertDescription.unknown_psk_identity
                    : AlertDescription.handshake_failure, "no valid KmID was offered");
        }
        return super.getCredentials();
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        try {
            exporter = context.exportKeyingMaterial(ConnectionKeys.EXPORTER_LABEL, null, ConnectionKeys.EXPORTER_LENGTH);
        } catch (IllegalStateException noExtendedMasterSecret) {
            // RFC 7627 5.4: no exporter on a TLS 1.2 connection without extended master secret; key registration then
            // answers 4000, as on the certificate listener.
            exporter = null;
        }
    }

    /** The completed handshake's client and exporter; call only after {@code accept} returned. */
    PskSession session(String peerAddress) {
        PskCredentials.Found found = identities.found.orElseThrow(() -> new IllegalStateException("no PSK was selected"));
        return new PskSession(found.clientId(), found.kmId(), exporter, peerAddress);
    }

    /** Whether the handshake failed because no valid Km had the offered identity (rather than a wrong Km). */
    boolean identityUnknown() {
        return identities.asked && identities.found.isEmpty();
    }

    /** TLS 1.2's view of the same lookup; TLS 1.3 goes through {@link #getExternalPSK}. */
    private static final class Identities implements TlsPSKIdentityManager {

        private final PskCredentials credentials;
        private final String mafFqdn;
        private Optional<PskCredentials.Found> found = Optional.empty();
        private boolean asked;

        Identities(PskCredentials credentials, String mafFqdn) {
            this.credentials = credentials;
            this.mafFqdn = mafFqdn;
        }

        /** No hint: it would only tell strangers which MAF this is. */
        @Override
        public byte[] getHint() {
            return null;
        }

        @Override
        public byte[] getPSK(byte[] identity) {
            asked = true;
            KmId kmId;
            try {
                kmId = KmId.parse(new String(identity, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notAKmId) {
                return null;
            }
            if (!kmId.isIssuedBy(mafFqdn)) {
                return null;
            }
            found = credentials.kmFor(kmId.toString());
            return found.map(f -> f.km().clone()).orElse(null);
        }
    }
}
