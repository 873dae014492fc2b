package org.openmaf.client.psk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Entity A connecting to a relying CSE with the key from a MAF Key Registration (TS-0003 8.2.2.3): TLS-PSK with the
 * Key Identifier as {@code psk_identity} and Kc as {@code psk}, then one line out and one line back.
 */
public final class PskClientConnection {

    private PskClientConnection() {
    }

    public static String exchangeLine(String host, int port, String pskIdentity, byte[] psk, String message, Duration timeout)
            throws IOException {
        if (message.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the message is one line");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            TlsClientProtocol tls = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
            try {
                tls.connect(new MafPskTlsClient(new BcTlsCrypto(new SecureRandom()), pskIdentity, psk));
            } catch (IOException e) {
                // A PSK handshake cannot tell "wrong key" from "identity refused" on purpose; name both.
                throw new IOException("TLS-PSK handshake with " + host + ":" + port + " failed (" + e.getMessage()
                        + "): the server does not know this psk_identity, or the psk is not its key", e);
            }
            LineIo.writeLine(tls.getOutputStream(), message);
            String reply = LineIo.readLine(tls.getInputStream());
            tls.close();
            if (reply == null) {
                throw new IOException("the server closed the connection without a reply");
            }
            return reply;
        }
    }
}
