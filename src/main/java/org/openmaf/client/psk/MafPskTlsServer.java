package org.openmaf.client.psk;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PSKTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * TLS-PSK server of a relying CSE: TLS 1.2 with TLS_PSK_WITH_AES_128_CBC_SHA256 (0x00AE), the suite TS-0003 10.2.2
 * makes mandatory for the MAF-based SAEF; the PSK is Kc (8.2.2.3), found by {@link MafPskIdentityManager}.
 */
public final class MafPskTlsServer extends PSKTlsServer {

    private static final Logger LOG = Logger.getLogger(MafPskTlsServer.class.getName());

    private final MafPskIdentityManager identities;

    public MafPskTlsServer(TlsCrypto crypto, MafPskIdentityManager identities) {
        super(crypto, identities);
        this.identities = identities;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.TLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256};
    }

    public MafPskIdentityManager identities() {
        return identities;
    }

    @Override
    public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
        if (alertLevel == AlertLevel.fatal) {
            LOG.log(Level.INFO, "TLS-PSK handshake refused with alert {0}{1}",
                    new Object[] {AlertDescription.getText(alertDescription), message == null ? "" : ": " + message});
        }
    }
}
