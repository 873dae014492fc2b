package org.openmaf.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private static HttpResponse read(String raw) throws IOException {
        return new HttpResponseReader(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1))).read();
    }

    @Test
    void contentLengthFramesTheBodyAndHeadersAreCaseInsensitive() throws IOException {
        HttpResponse response = read("HTTP/1.1 201 Created\r\nx-m2m-rsc: 2001\r\nContent-Length: 5\r\n\r\nhelloTRAILING");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("X-M2M-RSC")).isEqualTo("2001");
        assertThat(response.bodyText()).isEqualTo("hello");
    }

    @Test
    void chunkedBodiesAreReassembledIgnoringExtensionsAndTrailers() throws IOException {
        HttpResponse response = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-M2M-RSC: 2000\r\n\r\n"
                + "4;ext=1\r\n{\"a\"\r\nB\r\n:\"chunked\"}\r\n0\r\nTrailer: x\r\n\r\n");

        assertThat(response.bodyText()).isEqualTo("{\"a\":\"chunked\"}");
    }

    @Test
    void interimResponsesAreSkipped() throws IOException {
        HttpResponse response = read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("ok");
    }

    @Test
    void withoutFramingTheBodyRunsToTheEndOfTheConnection() throws IOException {
        assertThat(read("HTTP/1.1 200 OK\r\n\r\nuntil close").bodyText()).isEqualTo("until close");
    }

    @Test
    void truncatedAndMalformedResponsesAreErrors() {
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")).hasMessageContaining("5 of 10");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n")).hasMessageContaining("chunk size");
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH\r\n\r\n")).hasMessageContaining("not an HTTP/1.1 response");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 99999999\r\n\r\n")).hasMessageContaining("too large");
    }

    @Test
    void aMissingRscHeaderMeansTheServerIsNoMaf() throws IOException {
        HttpResponse noRsc = read("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");

        assertThatThrownBy(() -> MafClient.expect(noRsc, 200, null)).isInstanceOf(MafClientException.class)
                .hasMessageContaining("X-M2M-RSC");
    }
}
