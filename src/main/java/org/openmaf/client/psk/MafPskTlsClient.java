package org.openmaf.client.psk;

import org.bouncycastle.tls.BasicTlsPSKIdentity;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PSKTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * Entity A's side of the MAF-based SAEF handshake (TS-0003 8.2.2.3): {@code psk_identity} = Key Identifier,
 * {@code psk} = Kc, TLS 1.2 with TLS_PSK_WITH_AES_128_CBC_SHA256 (10.2.2).
 */
public final class MafPskTlsClient extends PSKTlsClient {

    public MafPskTlsClient(TlsCrypto crypto, String pskIdentity, byte[] psk) {
        super(crypto, new BasicTlsPSKIdentity(pskIdentity, psk));
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.TLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256};
    }
}
