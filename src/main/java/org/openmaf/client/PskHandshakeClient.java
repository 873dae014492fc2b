package org.openmaf.client;

import java.io.IOException;

import org.bouncycastle.tls.BasicTlsPSKIdentity;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PSKTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.openmaf.wire.ConnectionKeys;

/**
 * The MAF client's side of the PSK-based MAF Handshake (TS-0003 8.8.2.2, 10.2.2): {@code psk_identity} = KmID,
 * {@code psk} = Km, TLS 1.2 with TLS_PSK_WITH_AES_128_CBC_SHA256 or the GCM variant (bctls offers the TLS 1.3
 * external PSK only with a separate client API; TLS 1.2 with the extended master secret is what the MAF exports from
 * as well). The exporter is taken in {@link #notifyHandshakeComplete()}, the only moment bctls allows it.
 */
final class PskHandshakeClient extends PSKTlsClient {

    private byte[] exporter;

    PskHandshakeClient(TlsCrypto crypto, String kmId, byte[] km) {
        super(crypto, new BasicTlsPSKIdentity(kmId, km));
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.TLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256};
    }

    /** RFC 7627: without the extended master secret no keying material may be exported, so insist on it. */
    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        exporter = context.exportKeyingMaterial(ConnectionKeys.EXPORTER_LABEL, null, ConnectionKeys.EXPORTER_LENGTH);
    }

    /** The 48 exported bytes; the caller wipes them. */
    byte[] exporter() {
        if (exporter == null) {
            throw new IllegalStateException("the handshake has not completed");
        }
        return exporter;
    }
}
