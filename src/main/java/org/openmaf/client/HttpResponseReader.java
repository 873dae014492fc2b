package org.openmaf.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response (RFC 9112): status line, headers, and a body framed by chunked transfer coding, by
 * Content-Length, or by the server closing the connection (after a request that said {@code Connection: close}).
 */
public final class HttpResponseReader {

    /** The MAF's own bodies are small (requests are capped at 64 KiB); anything far larger is not a MAF. */
    static final int MAX_BODY = 1 << 20;
    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 100;

    private final InputStream in;

    public HttpResponseReader(InputStream in) {
        this.in = in;
    }

    public HttpResponse read() throws IOException {
        while (true) {
            String statusLine = readLine();
            int status = parseStatus(statusLine);
            Map<String, List<String>> headers = readHeaders();
            if (status >= 100 && status < 200) {
                continue; // interim response (e.g. 100 Continue): the final one follows
            }
            return new HttpResponse(status, headers, readBody(status, headers));
        }
    }

    private static int parseStatus(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 response: " + abbreviate(line));
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status line: " + abbreviate(line));
        }
    }

    private Map<String, List<String>> readHeaders() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int count = 0;; count++) {
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || count >= MAX_HEADERS) {
                throw new IOException("bad HTTP header: " + abbreviate(line));
            }
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
    }

    private byte[] readBody(int status, Map<String, List<String>> headers) throws IOException {
        if (status == 204 || status == 304) {
            return new byte[0];
        }
        List<String> transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null && transferEncoding.getLast().toLowerCase(Locale.ROOT).endsWith("chunked")) {
            return readChunked();
        }
        List<String> contentLength = headers.get("content-length");
        if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength.getFirst());
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + abbreviate(contentLength.getFirst()));
            }
            if (length < 0 || length > MAX_BODY) {
                throw new IOException("response body too large or negative: " + length);
            }
            return readExactly((int) length);
        }
        return readToEnd();
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';'); // chunk extensions carry nothing we need
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + abbreviate(sizeLine));
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY) {
                throw new IOException("chunked response body too large");
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields: ignored
                }
                return body.toByteArray();
            }
            body.writeBytes(readExactly(size));
            if (!readLine().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    private byte[] readToEnd() throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IOException("response body too large");
        }
        return bytes;
    }

    /** A line ended by CRLF (a bare LF is tolerated), without the terminator. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the middle of the HTTP response");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("HTTP response line too long");
            }
            line.write(b);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
