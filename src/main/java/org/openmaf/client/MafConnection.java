package org.openmaf.client;

import org.openmaf.wire.ConnectionKeys;
import org.openmaf.wire.MafNames;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.SecureRandom;

import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * One mutually authenticated TLS connection to the MAF (the MAF Handshake, TS-0003 8.8.2.2) carrying HTTP/1.1
 * requests. A connection whose keying material was exported carries exactly one: the KcID/Kc a registration derives
 * belong to the very connection that carried it (TS-0003 10.3.1), and a second registration on it would collide.
 * Others may be kept alive for more requests ({@link IdleConnections}).
 */
final class MafConnection implements AutoCloseable {

    /** TLS 1.3 and 1.2 only; TS-0003 10.2.3 and the contract forbid anything older. */
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    /** The exporter of the connection (48 bytes), however its TLS stack provides it. */
    private interface Exporter {
        byte[] export() throws IOException;
    }

    private final java.io.Closeable socket;
    private final InputStream in;
    private final OutputStream out;
    private final Exporter exporter;
    private final String hostHeader;
    /** The connection's keying material was exported: it carries one request, then closes. */
    private boolean exported;
    private int requests;
    /** The last response left the connection fit for another request. */
    private boolean reusable;

    private MafConnection(SSLSocket socket, String hostHeader) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.exporter = () -> {
            SSLSession session = socket.getSession();
            if (!(session instanceof ExtendedSSLSession extended)) {
                throw MafClientException.local("this JDK's TLS session cannot export keying material");
            }
            return extended.exportKeyingMaterialData(ConnectionKeys.EXPORTER_LABEL, null, ConnectionKeys.EXPORTER_LENGTH);
        };
        this.hostHeader = hostHeader;
    }

    private MafConnection(Socket socket, TlsClientProtocol tls, PskHandshakeClient client, String hostHeader) {
        this.socket = () -> {
            try {
                tls.close();
            } finally {
                socket.close();
            }
        };
        this.in = new BufferedInputStream(tls.getInputStream());
        this.out = tls.getOutputStream();
        this.exporter = () -> client.exporter().clone();
        this.hostHeader = hostHeader;
    }

    /** The PSK-based MAF Handshake (TS-0003 8.8.2.2): KmID and Km; no certificate on either side. */
    static MafConnection openPsk(MafPskSettings settings) throws IOException {
        Socket socket = new Socket();
        try {
            int timeout = (int) settings.timeout().toMillis();
            socket.setSoTimeout(timeout);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
            TlsClientProtocol tls = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
            byte[] km = settings.km();
            PskHandshakeClient client = new PskHandshakeClient(new BcTlsCrypto(new SecureRandom()), settings.kmId(), km);
            try {
                tls.connect(client);
            } finally {
                Arrays.fill(km, (byte) 0);
            }
            String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
            return new MafConnection(socket, tls, client, host + ":" + settings.port());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Connects and completes the handshake, verifying that the MAF's certificate names the host we dialled. */
    static MafConnection open(MafClientSettings settings, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        try {
            int timeout = (int) settings.timeout().toMillis();
            socket.setSoTimeout(timeout);
            socket.setTcpNoDelay(true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(PROTOCOLS);
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!IP_LITERAL.matcher(settings.host()).matches()) {
                parameters.setServerNames(List.of(new SNIHostName(settings.host())));
            }
            socket.setSSLParameters(parameters);
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
            socket.startHandshake();
            String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
            return new MafConnection(socket, host + ":" + settings.port());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The keying material of this connection for a MAF Key Registration (TS-0003 10.3.1, RFC 5705 / RFC 8446 7.5):
     * label {@value ConnectionKeys#EXPORTER_LABEL}, no context, 48 bytes.
     */
    ConnectionKeys exportConnectionKeys() throws IOException {
        this.exported = true;
        byte[] exported = exporter.export();
        try {
            return ConnectionKeys.split(exported);
        } finally {
            Arrays.fill(exported, (byte) 0);
        }
    }

    /** Sends the request ({@code body} may be null) and reads the whole response; the MAF then closes the connection. */
    HttpResponse exchange(String method, String path, byte[] body) throws IOException {
        return exchange(method, path, body, false);
    }

    /**
     * Sends the request and reads the whole response. With {@code keepAlive} the connection may carry another request
     * afterwards, if {@link #reusable()} says the response left it fit for one.
     */
    HttpResponse exchange(String method, String path, byte[] body, boolean keepAlive) throws IOException {
        if (requests > 0 && !reusable) {
            throw new IllegalStateException("this MAF connection carries no further request");
        }
        requests++;
        reusable = false;
        boolean keep = keepAlive && !exported;
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Accept: application/json\r\n")
                // X-M2M-RI lets the MAF's logs and ours name the same request (TS-0009 6.4.1)
                .append(MafNames.HEADER_RI).append(": ").append(UUID.randomUUID()).append("\r\n")
                .append(keep ? "" : "Connection: close\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\n").append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        // One write, so one TLS record and one segment: written apart, the body waited behind Nagle's algorithm for the
        // MAF's delayed ACK of the head, 40 ms on Linux, more than the whole registration costs.
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = body == null ? headBytes : Arrays.copyOf(headBytes, headBytes.length + body.length);
        if (body != null) {
            System.arraycopy(body, 0, request, headBytes.length, body.length);
        }
        out.write(request);
        out.flush();
        HttpResponse response = new HttpResponseReader(in).read();
        reusable = keep && response.leavesConnectionOpen();
        return response;
    }

    /** The last response left the connection open and framed, so it can carry another request. */
    boolean reusable() {
        return reusable;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
