package org.openmaf.tls;

import java.util.Optional;

import org.openmaf.wire.ConnectionKeys;

/**
 * What the PSK-based MAF Handshake (TS-0003 8.8.2.2) established for one TLS-PSK connection: the MAF client its KmID
 * was provisioned for, and the connection's exporter output (TS-0003 10.3.1), taken inside
 * {@code notifyHandshakeComplete()}. Lives only in the JVM's memory ({@link PskBridge}); never on any wire.
 */
public record PskSession(String clientId, String kmId, byte[] exporter, String peerAddress) {

    /** KcID and Kc of this connection; empty when a TLS 1.2 peer did not negotiate the extended master secret. */
    public Optional<ConnectionKeys> connectionKeys() {
        return exporter == null ? Optional.empty() : Optional.of(ConnectionKeys.split(exporter.clone()));
    }

    @Override
    public String toString() {
        return "PskSession[clientId=" + clientId + ", kmId=" + kmId + ", peer=" + peerAddress + "]";
    }
}
