package org.openmaf.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Map;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.openmaf.wire.ConnectionKeys;
import org.openmaf.client.HttpResponse;
import org.openmaf.client.HttpResponseReader;

/**
 * One HTTP/1.1 request on a TLS connection of its own to a MAF on localhost, with everything the test may want to look
 * at: the whole response (status, headers, body bytes) and the connection's exporter output, from which a key
 * registered on that connection derives (TS-0003 10.3.1).
 */
public final class OneRequest {

    private static final int TIMEOUT_MILLIS = 20_000;

    private OneRequest() {
    }

    public record Exchange(HttpResponse response, ConnectionKeys keys) {
    }

    /** A client's TLS context, or one without a client certificate for {@code null}. */
    public static SSLContext tls(TestPki.Client client) throws Exception {
        if (client != null) {
            return RawHttps.context(client);
        }
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

    public static Exchange send(SSLContext tls, int port, String method, String path, Map<String, String> headers,
            String body) throws IOException {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            byte[] exported = ((ExtendedSSLSession) socket.getSession()).exportKeyingMaterialData(
                    ConnectionKeys.EXPORTER_LABEL, null, ConnectionKeys.EXPORTER_LENGTH);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: application/json\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            HttpResponse response = new HttpResponseReader(new BufferedInputStream(socket.getInputStream())).read();
            return new Exchange(response, ConnectionKeys.split(exported));
        }
    }
}
