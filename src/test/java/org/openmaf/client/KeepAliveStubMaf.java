package org.openmaf.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS stand-in for the MAF that serves any number of connections, each for as many requests as the client sends
 * (HTTP/1.1 keep-alive) or until it has answered {@code requestsPerConnection}, then closes it, as the MAF does when a
 * kept connection idles out. Requires a client certificate; records every request with the connection that carried it.
 */
final class KeepAliveStubMaf implements AutoCloseable {

    /**
     * One request: the number of its connection (from 1, in the order accepted), how many requests that connection
     * carried before it, its head, and its connection's exporter.
     */
    record Seen(int connection, int before, String head, byte[] exporter) {
    }

    @FunctionalInterface
    interface Responder {
        String respond(Seen request);
    }

    private final SSLServerSocket serverSocket;
    private final Responder responder;
    private final int requestsPerConnection;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    /** Counted down when a connection ends: the client closed it, or the stub did. */
    private final CountDownLatch[] ended = {new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1)};

    KeepAliveStubMaf(ClientTestPki pki, int requestsPerConnection, Responder responder) throws Exception {
        this.serverSocket = (SSLServerSocket) pki.serverContext().getServerSocketFactory().createServerSocket(0);
        this.serverSocket.setNeedClientAuth(true);
        this.responder = responder;
        this.requestsPerConnection = requestsPerConnection;
        Thread.ofPlatform().daemon().start(this::accept);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    List<Seen> requests() {
        return requests;
    }

    /** Waits up to 10 s until connection number {@code n} (1 to 3) has ended. */
    boolean awaitEnd(int n) throws InterruptedException {
        return awaitEnd(n, 10_000);
    }

    boolean awaitEnd(int n, long millis) throws InterruptedException {
        return ended[n - 1].await(millis, TimeUnit.MILLISECONDS);
    }

    private void accept() {
        while (!serverSocket.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) serverSocket.accept();
                int number = connections.incrementAndGet();
                Thread.ofPlatform().daemon().start(() -> serve(socket, number));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SSLSocket socket, int number) {
        try (socket) {
            socket.startHandshake();
            byte[] exporter = ((ExtendedSSLSession) socket.getSession())
                    .exportKeyingMaterialData("EXPORTER-oneM2M-Connection", null, 48);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int served = 0; served < requestsPerConnection; served++) {
                String head = readHead(in);
                if (head == null) {
                    return; // the client closed the connection
                }
                in.readNBytes(contentLength(head));
                Seen request = new Seen(number, served, head, exporter);
                requests.add(request);
                socket.getOutputStream().write(responder.respond(request).getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                if (head.toLowerCase(Locale.ROOT).contains("connection: close")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away mid-request; what it saw is what the test checks
        } finally {
            if (number <= ended.length) {
                ended[number - 1].countDown();
            }
        }
    }

    /** The request head, or null if the connection ended before one began. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("request ended early");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }

    /** A response that leaves the connection open: {@link StubMaf#response} without its {@code Connection: close}. */
    static String keptAlive(int status, int rsc, String json) {
        return StubMaf.response(status, rsc, json).replace("Connection: close\r\n", "");
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
