package org.openmaf.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

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
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("SunX509"); // plain aliases, see AlwaysPresent
        keyManagers.init(keys, TestPki.PASSWORD.toCharArray());
        X509ExtendedKeyManager chooser = (X509ExtendedKeyManager) keyManagers.getKeyManagers()[0];
        String alias = keys.aliases().nextElement();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var stream = java.nio.file.Files.newInputStream(TestPki.truststore())) {
            trust.load(stream, TestPki.PASSWORD.toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(new KeyManager[] { new AlwaysPresent(chooser, alias) }, trustManagers.getTrustManagers(), null);
        return context;
    }

    /**
     * Presents the client's certificate whatever CAs the server names, as OpenSSL does, so that a certificate from a CA
     * the MAF does not trust reaches the MAF (the JDK would otherwise quietly send none).
     */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;
        private final String alias;

        AlwaysPresent(X509ExtendedKeyManager keys, String alias) {
            this.keys = keys;
            this.alias = alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers, javax.net.ssl.SSLEngine engine) {
            return alias;
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return new String[] { alias };
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return null;
        }

        @Override
        public java.security.cert.X509Certificate[] getCertificateChain(String name) {
            return keys.getCertificateChain(name);
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String name) {
            return keys.getPrivateKey(name);
        }
    }

    /** A context that trusts the MAF but presents no client certificate (an unauthenticated peer). */
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
        socket.setSoTimeout(30_000);
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

    /** One HTTP response as it arrived: header names in lower case. */
    public record Reply(int status, Map<String, List<String>> headers, String body, boolean closed) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    /**
     * Sends a request exactly as given (the caller writes the request line and every header but Content-Length, which
     * is added when there is a body) and reads the whole response, chunked or not.
     */
    public Reply send(String method, String target, List<String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        // One write (records back to back): a server that answers a broken head at once and closes (Netty does, for an
        // invalid header name) then finds the body with the head, instead of the body arriving after the close, when
        // the reset makes the client's write fail (broken pipe) before it could read the answer that was sent.
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = body == null ? headBytes : java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
        if (body != null) {
            System.arraycopy(body, 0, request, headBytes.length, body.length);
        }
        out.write(request);
        out.flush();
        return read(method.equals("HEAD"));
    }

    /** Reads the next response, after a request written piece by piece with {@link #send(String)}. */
    public Reply readReply() throws IOException {
        return read(false);
    }

    private Reply read(boolean head) throws IOException {
        String statusLine = line();
        while (statusLine.startsWith("HTTP/1.1 1")) { // 100 Continue and the like
            for (String header = line(); !header.isEmpty(); header = line()) {
                // skipped
            }
            statusLine = line();
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (head || status == 204 || status == 304) {
            // no body
        } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers skipped
            }
        } else if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length.get(0))));
        } else {
            body.write(in.readAllBytes()); // delimited by the end of the connection
        }
        List<String> connection = headers.get("connection");
        boolean closed = connection != null && connection.get(0).equalsIgnoreCase("close");
        return new Reply(status, headers, body.toString(StandardCharsets.UTF_8), closed);
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
