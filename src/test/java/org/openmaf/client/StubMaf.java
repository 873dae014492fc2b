package org.openmaf.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A one-connection HTTPS stand-in for the MAF: requires a client certificate, computes the TLS exporter of the
 * connection the way the MAF does, and answers with whatever the test's responder returns.
 */
public final class StubMaf implements AutoCloseable {

    /**
     * What the stub saw: the request head and body, the exporter output of that connection, and the plaintext of the
     * first TLS record after the handshake (the JDK's TLS socket returns one record per read): the whole request when
     * the client wrote it at once.
     */
    public record Request(String head, String body, byte[] exporter, String firstRecord) {
    }

    @FunctionalInterface
    public interface Responder {
        String respond(Request request) throws Exception;
    }

    private final SSLServerSocket serverSocket;
    private final CompletableFuture<Request> received = new CompletableFuture<>();

    public StubMaf(ClientTestPki pki, Responder responder) throws Exception {
        serverSocket = (SSLServerSocket) pki.serverContext().getServerSocketFactory().createServerSocket(0);
        serverSocket.setNeedClientAuth(true);
        Thread.ofPlatform().daemon().start(() -> serveOne(responder));
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public Request request() throws Exception {
        return received.get(10, TimeUnit.SECONDS);
    }

    private void serveOne(Responder responder) {
        try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
            socket.startHandshake();
            byte[] exporter = ((ExtendedSSLSession) socket.getSession())
                    .exportKeyingMaterialData("EXPORTER-oneM2M-Connection", null, 48);
            byte[] record = new byte[65536];
            int recordLength = Math.max(0, socket.getInputStream().read(record));
            String firstRecord = new String(record, 0, recordLength, StandardCharsets.ISO_8859_1);
            InputStream in = new BufferedInputStream(new SequenceInputStream(
                    new ByteArrayInputStream(record, 0, recordLength), socket.getInputStream()));
            String head = readHead(in);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            Request request = new Request(head, new String(in.readNBytes(length), StandardCharsets.UTF_8), exporter,
                    firstRecord);
            received.complete(request);
            socket.getOutputStream().write(responder.respond(request).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        } catch (Exception e) {
            received.completeExceptionally(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A complete HTTP response with Content-Length and the oneM2M RSC header. */
    public static String response(int status, int rsc, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 " + status + " X\r\nX-M2M-RSC: " + rsc + "\r\nX-M2M-RI: r1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n" + json;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
