package org.openmaf.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** HTTP/1.1 on one mutually authenticated TLS connection the test holds itself (keep-alive, no pooling surprises). */
public final class RawHttps implements AutoCloseable {

    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;
    private String lastBody = "";

    private RawHttps(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    public static SSLContext context(TestPki.Client client) throws Exception {
        return context(client.pkcs12());
    }

    public static SSLContext context(java.nio.file.Path pkcs12) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var stream = java.nio.file.Files.newInputStream(pkcs12)) {
            keys.load(stream, TestPki.PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
        keyManagers.init(keys, TestPki.PASSWORD.toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var stream = java.nio.file.Files.newInputStream(TestPki.truststore())) {
            trust.load(stream, TestPki.PASSWORD.toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    /** A peer without a client certificate: it trusts the test CA and has no key of its own. */
    public static SSLContext contextWithoutCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var stream = java.nio.file.Files.newInputStream(TestPki.truststore())) {
            trust.load(stream, TestPki.PASSWORD.toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    public static RawHttps open(SSLContext context) throws IOException {
        return open(context, MafClients.port());
    }

    public static RawHttps open(SSLContext context, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
        socket.startHandshake();
        return new RawHttps(socket);
    }

    /** Writes bytes as they are, for requests sent piece by piece. */
    public void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Waits, sending nothing, until the server closes the connection; returns how long that took. Fails if the server
     * sends data instead, or keeps the connection open for {@code longest}.
     */
    public java.time.Duration awaitClosedByServer(java.time.Duration longest) throws IOException {
        long start = System.nanoTime();
        if (!closedByServerWithin(longest)) {
            throw new AssertionError("the server kept the connection open for " + longest);
        }
        return java.time.Duration.ofNanos(System.nanoTime() - start);
    }

    /** Whether the server closes the connection within {@code wait}, sending nothing; fails if it sends data. */
    public boolean closedByServerWithin(java.time.Duration wait) throws IOException {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            int read = in.read();
            if (read >= 0) {
                throw new AssertionError("the server answered instead of closing the connection: " + (char) read
                        + new String(in.readNBytes(in.available()), StandardCharsets.US_ASCII));
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException closed) {
            // A reset or an abrupt end of the TLS stream is a close as well.
            return true;
        }
    }

    /** The body of the last response {@link #exchange} read. */
    public String lastBody() {
        return lastBody;
    }

    /** The certificate the server presented in this connection's handshake. */
    public java.security.cert.X509Certificate serverCertificate() throws IOException {
        return (java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0];
    }

    /** Sends one request and returns the status code; the body is read and discarded. */
    public int exchange(String method, String path, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n") + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        String status = line();
        int length = 0;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        lastBody = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
