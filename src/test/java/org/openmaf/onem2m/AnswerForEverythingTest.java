package org.openmaf.onem2m;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.RawHttps;
import org.openmaf.testing.RawHttps.Reply;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract section 6, "an answer for everything": whatever arrives on /maf is answered with an X-M2M-RSC and a JSON
 * body, client faults are 4xx, and nothing a client sends makes an audit write, a query or a log line fail or flood.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AnswerForEverythingTest {

    private static final Path LOG = Path.of("target", "maf-test.log");
    private static SSLContext mnCse;
    private static SSLContext noCertificate;

    @BeforeAll
    static void contexts() throws Exception {
        mnCse = RawHttps.context(Client.MN_CSE);
        noCertificate = RawHttps.contextWithoutCertificate();
    }

    @Test
    void aMalformedPercentEncodingIsABadRequestWithAnRsc() throws Exception {
        assertOneM2mError(get(mnCse, "/maf/mafClientRegs/%ZZ"), 400, "4000", "percent-encoding");
        assertOneM2mError(get(mnCse, "/maf/symmKeyRegs/%"), 400, "4000", "percent-encoding");
        assertOneM2mError(get(mnCse, "/maf/symmKeyRegs?x=%G1"), 400, "4000", "percent-encoding");
        // Found by HostileInputTest: JAX-RS decodes a path with matrix parameters twice.
        assertOneM2mError(get(mnCse, "/maf/mafClientRegs/a%25%7C/;x=1"), 400, "4000", "matrix parameters");
    }

    @Test
    void aNulInThePathIsABadRequestAndStillAudited() throws Exception {
        TestDatabase.clearProcedureData();
        assertOneM2mError(get(mnCse, "/maf/symmKeyRegs/%00"), 400, "4000", "control character");
        assertOneM2mError(get(mnCse, "/maf/mafClientRegs/a%00b"), 400, "4000", "control character");
        assertOneM2mError(get(mnCse, "/maf/mafClientRegs/a%1Bb/mafClientCfg"), 400, "4000", "control character");
    }

    @Test
    void identifiersOfAnyLengthAreAnsweredAndAuditedCut() throws Exception {
        TestDatabase.clearProcedureData();
        String longReference = "A".repeat(3000);
        Reply reply = get(mnCse, "/maf/symmKeyRegs/" + longReference);
        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.header("X-M2M-RSC")).isNotNull();
        assertThat(reply.body()).startsWith("{\"m2m:dbg\"");
        Reply registration = get(mnCse, "/maf/mafClientRegs/" + "x".repeat(5000));
        assertOneM2mError(registration, 404, "4004", "");
        assertThat(longestAuditedResourceId()).isBetween(1, 512);
    }

    @Test
    void anOversizedUriOrHeaderBlockGetsAnAnswerNotTheCodecsBareStatus() throws Exception {
        assertOneM2mError(get(mnCse, "/maf/symmKeyRegs/" + "B".repeat(WellFormedRequests.MAX_URI)), 400, "4000",
                "URI is longer");
        try (RawHttps connection = RawHttps.open(mnCse)) {
            Reply reply = connection.send("GET", "/maf/mafClientRegs/x", List.of("Host: localhost",
                    "X-Padding: " + "p".repeat(20_000)), null);
            assertOneM2mError(reply, 400, "4000", "headers are larger");
        }
    }

    /**
     * Bodies are read whole on the event loop before JAX-RS (BodyLimit): a chunked body sent in pieces, with a pause
     * between them, is processed as one; a chunked body that grows past 64 KiB is refused the oneM2M way.
     */
    @Test
    void chunkedBodiesAreReadWholeAndCutAt64KiB() throws Exception {
        TestDatabase.clearProcedureData();
        String registration = Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\"");
        int half = registration.length() / 2;
        try (RawHttps connection = RawHttps.open(mnCse)) {
            connection.send("POST /maf/mafClientRegs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + chunk(registration.substring(0, half)));
            Thread.sleep(300);
            connection.send(chunk(registration.substring(half)) + "0\r\n\r\n");
            Reply created = connection.readReply();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("X-M2M-RSC")).isEqualTo("2001");
        }
        try (RawHttps connection = RawHttps.open(mnCse)) {
            connection.send("POST /maf/mafClientRegs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            String piece = chunk("x".repeat(16 * 1024));
            for (int i = 0; i < 5; i++) { // the fifth passes 64 KiB
                connection.send(piece);
            }
            assertOneM2mError(connection.readReply(), 400, "4000", "64 KiB");
        }
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.length()) + "\r\n" + text + "\r\n";
    }

    @Test
    void unservedMethodsAndMediaTypesAreAnsweredTheOneM2mWay() throws Exception {
        try (RawHttps connection = RawHttps.open(mnCse)) {
            for (String method : List.of("PATCH", "OPTIONS", "TRACE", "FOO")) {
                Reply reply = connection.send(method, "/maf/mafClientRegs", List.of("Host: localhost"), null);
                assertThat(reply.status()).as(method).isBetween(400, 499);
                assertThat(reply.header("X-M2M-RSC")).as(method).isNotNull();
                assertThat(reply.body()).as(method).startsWith("{\"m2m:dbg\"");
            }
            Reply head = connection.send("HEAD", "/maf/mafClientRegs/unknown", List.of("Host: localhost"), null);
            assertThat(head.header("X-M2M-RSC")).isEqualTo("4004");
            Reply text = connection.send("POST", "/maf/mafClientRegs", List.of("Host: localhost",
                    "Content-Type: text/plain"), "hello".getBytes(StandardCharsets.UTF_8));
            assertOneM2mError(text, 415, "4015", "application/json");
        }
    }

    @Test
    void aBearerTokenOnMafIsNotTheSecurityLayersBusiness() throws Exception {
        try (RawHttps connection = RawHttps.open(mnCse)) {
            Reply reply = connection.send("GET", "/maf/mafClientRegs/unknown", List.of("Host: localhost",
                    "Authorization: Bearer not.a.token"), null);
            assertOneM2mError(reply, 404, "4004", "");
        }
        try (RawHttps connection = RawHttps.open(noCertificate)) {
            Reply reply = connection.send("GET", "/maf/mafClientRegs/unknown", List.of("Host: localhost",
                    "Authorization: Bearer not.a.token"), null);
            assertOneM2mError(reply, 403, "4106", "client certificate");
        }
    }

    @Test
    void nulAndControlCharactersInJsonStringsAreBadRequests() throws Exception {
        Reply reply = post(mnCse, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN
                + "\",\"labels\":[\"a\\u0000b\"]"));
        assertOneM2mError(reply, 400, "4000", "labels[0]");
        Reply lone = post(mnCse, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"\\ud800\""));
        assertOneM2mError(lone, 400, "4000", "adminFQDN");
    }

    @Test
    void aRefusedPeerWithoutCertificateWritesOneLogLineAtMostAndNoStack() throws Exception {
        long before = Files.size(LOG);
        try (RawHttps connection = RawHttps.open(noCertificate)) {
            for (int i = 0; i < 20; i++) {
                Reply reply = connection.send("GET", "/maf/symmKeyRegs/" + "C".repeat(600), List.of("Host: localhost"), null);
                assertOneM2mError(reply, 403, "4106", "client certificate");
            }
        }
        String written = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).substring((int) before);
        assertThat(written.lines().count()).as(written).isLessThanOrEqualTo(20);
        assertThat(written).doesNotContain("\tat ").doesNotContain("Exception");
    }

    static void assertOneM2mError(Reply reply, int status, String rsc, String messagePart) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("X-M2M-RSC")).as(reply.toString()).isEqualTo(rsc);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/json");
        assertThat(reply.body()).as(reply.toString()).startsWith("{\"m2m:dbg\":").contains(messagePart)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static Reply get(SSLContext context, String target) throws Exception {
        try (RawHttps connection = RawHttps.open(context)) {
            return connection.send("GET", target, List.of("Host: localhost"), null);
        }
    }

    private static Reply post(SSLContext context, String target, String json) throws Exception {
        try (RawHttps connection = RawHttps.open(context)) {
            return connection.send("POST", target, List.of("Host: localhost", "Content-Type: application/json"),
                    json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static int longestAuditedResourceId() throws SQLException {
        List<Integer> lengths = new ArrayList<>();
        try (var connection = TestDatabase.connect();
                var rows = connection.createStatement().executeQuery("select max(length(resource_id)) from audit_record")) {
            rows.next();
            lengths.add(rows.getInt(1));
        }
        return lengths.get(0);
    }
}
