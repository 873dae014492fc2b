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

    private RawHttps(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    public static SSLContext context(TestPki.Client client) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var stream = java.nio.file.Files.newInputStream(client.pkcs12())) {
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

    public static RawHttps open(SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", MafClients.port());
        socket.startHandshake();
        return new RawHttps(socket);
    }

    private String lastRsc;

    /** The X-M2M-RSC of the last response. */
    public String lastRsc() {
        return lastRsc;
    }

    /** The RelativeKeyID this connection's exporter yields (contract section 2), computed on the client's side. */
    public String relativeKeyIdOfThisConnection() throws javax.net.ssl.SSLKeyException {
        byte[] material = ((javax.net.ssl.ExtendedSSLSession) socket.getSession())
                .exportKeyingMaterialData(org.openmaf.wire.ConnectionKeys.EXPORTER_LABEL, null, 48);
        return java.util.HexFormat.of().withUpperCase().formatHex(material, 0, 16);
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
            if (header.regionMatches(true, 0, "x-m2m-rsc:", 0, 10)) {
                lastRsc = header.substring(10).strip();
            }
        }
        in.readNBytes(length);
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
