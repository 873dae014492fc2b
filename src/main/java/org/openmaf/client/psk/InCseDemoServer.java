package org.openmaf.client.psk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A demonstration relying IN-CSE (Entity B of TS-0003 8.2.2.3): accepts TLS-PSK connections whose identity is a MAF
 * Key Identifier, reads one line and answers with the source CSE-ID/AE-ID the MAF associated with the key. One thread
 * per connection. Uses the low-level BouncyCastle TLS API with {@link BcTlsCrypto}, which needs no JCE provider.
 */
public final class InCseDemoServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(InCseDemoServer.class.getName());
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String mafFqdn;
    private final MafKeyCache keys;
    private final BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    private final ServerSocket serverSocket;
    private final Thread acceptor;

    private InCseDemoServer(String mafFqdn, MafKeyCache keys, ServerSocket serverSocket) {
        this.mafFqdn = mafFqdn;
        this.keys = keys;
        this.serverSocket = serverSocket;
        this.acceptor = Thread.ofPlatform().name("in-cse-demo-accept").daemon().unstarted(this::acceptLoop);
    }

    /** Listens on {@code bindAddress:port} (port 0 = any free port) and starts accepting. */
    public static InCseDemoServer start(String mafFqdn, MafKeyCache keys, InetAddress bindAddress, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(bindAddress, port));
        InCseDemoServer server = new InCseDemoServer(mafFqdn, keys, socket);
        server.acceptor.start();
        LOG.info(() -> "IN-CSE demo accepting TLS-PSK on " + socket.getLocalSocketAddress() + " for keys of MAF " + mafFqdn);
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Blocks until the server is closed. */
    public void awaitTermination() throws InterruptedException {
        acceptor.join();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket connection = serverSocket.accept();
                Thread.ofPlatform().name("in-cse-demo-" + connection.getPort()).daemon().start(() -> serve(connection));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "accept failed: {0}", e.getMessage());
            }
        }
    }

    private void serve(Socket connection) {
        String peer = String.valueOf(connection.getRemoteSocketAddress());
        try (connection) {
            connection.setSoTimeout((int) READ_TIMEOUT.toMillis());
            connection.setTcpNoDelay(true);
            MafPskTlsServer tlsServer = new MafPskTlsServer(crypto, new MafPskIdentityManager(mafFqdn, keys));
            TlsServerProtocol tls = new TlsServerProtocol(connection.getInputStream(), connection.getOutputStream());
            tls.accept(tlsServer);
            // The handshake's Finished messages proved the peer holds Kc, so the identity manager's source is now authentic.
            String source = tlsServer.identities().sourceId().orElseThrow();
            LOG.info(() -> "TLS-PSK session from " + peer + " authenticated as " + source);
            String line = LineIo.readLine(tls.getInputStream());
            if (line != null) {
                LineIo.writeLine(tls.getOutputStream(), reply(source, line));
            }
            tls.close();
        } catch (IOException e) {
            LOG.log(Level.INFO, "connection from {0} ended: {1}", new Object[] {peer, e.getMessage()});
        }
    }

    /** What the demo answers: the identity the MAF vouched for, then the client's own words. */
    static String reply(String sourceId, String line) {
        return "authenticated source: " + sourceId + "; you said: " + MafPskIdentityManager.printable(line);
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
