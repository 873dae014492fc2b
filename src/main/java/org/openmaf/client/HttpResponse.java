package org.openmaf.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An HTTP/1.1 response as the MAF sent it; header names are lower case. */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /**
     * Whether the connection stays usable after this response (RFC 9112 9.3): the server did not say
     * {@code Connection: close} and the body's end was known from its framing (a length or chunks), not from the close.
     */
    public boolean leavesConnectionOpen() {
        String connection = header("connection");
        boolean closing = connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
        List<String> transferEncoding = headers.get("transfer-encoding");
        boolean chunked = transferEncoding != null && transferEncoding.getLast().toLowerCase(Locale.ROOT).endsWith("chunked");
        boolean framed = status == 204 || status == 304 || chunked || header("content-length") != null;
        return !closing && framed;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
