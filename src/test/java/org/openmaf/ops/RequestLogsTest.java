package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.RawHttps;
import org.openmaf.testing.RequestLogs;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, logs: the access log has one line a request with what an operator needs (method, path, status, duration,
 * client address, RI, RSC, client ID) and never key material or credentials; a line logged while a request runs names
 * the request's X-M2M-RI and its MAF client (the MDC).
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class RequestLogsTest {

    /** Procedure outcomes are logged at DEBUG: on here only, so other tests and the benchmarks log as production does. */
    private static final Logger PROCEDURE_LOG = Logger.getLogger("org.openmaf.metrics");

    private String key;

    @AfterEach
    void procedureLogAsConfigured() {
        PROCEDURE_LOG.setLevel(null);
    }

    @BeforeEach
    void aKeyForTheInCse() {
        PROCEDURE_LOG.setLevel(org.jboss.logmanager.Level.DEBUG);
        TestDatabase.clearProcedureData();
        key = Maf.keyFromMnCseForInCse();
    }

    @Test
    void aKeyRetrievalHasAnAccessLogLineWithoutKeyMaterialOrCredentials() throws Exception {
        String requestId = "access-" + UUID.randomUUID();
        String bearer = "eyJhbGciOiJSUzI1NiJ9.access-log-test-token." + UUID.randomUUID();
        String keyValue = MafClients.as(Client.IN_CSE).header("X-M2M-RI", requestId).header("Authorization", "Bearer " + bearer)
                .get("/maf/symmKeyRegs/" + key).then().statusCode(200).header("X-M2M-RI", requestId)
                .extract().path("'m2m:symmKeyReg'.keyValue");
        assertThat(keyValue).isNotBlank();

        List<String> lines = RequestLogs.linesNamingWithAccessLog(requestId);
        List<String> access = lines.stream().filter(line -> line.contains(RequestLogs.ACCESS_LOG)).toList();
        assertThat(access).as("access log lines for " + requestId).hasSize(1);
        assertThat(access.getFirst()).contains("127.0.0.1 \"GET /maf/symmKeyRegs/" + key + "\" 200 ")
                .containsPattern(" \\d+ms ").contains("ri=" + requestId).contains("rsc=2000")
                .contains("client=" + Client.IN_CSE.clientId);
        for (String line : lines) {
            assertThat(line).doesNotContain(keyValue).doesNotContain("keyValue").doesNotContain(bearer)
                    .doesNotContain("Bearer").doesNotContain("Authorization");
        }
        assertThat(Files.readString(RequestLogs.FILE)).doesNotContain(keyValue).doesNotContain(bearer);
    }

    /** A query string is not logged: a client that puts something secret there does not find it in the log. */
    @Test
    void theAccessLogNamesThePathWithoutItsQueryString() throws Exception {
        String requestId = "query-" + UUID.randomUUID();
        String secret = "not-for-the-log-" + UUID.randomUUID();
        MafClients.as(Client.IN_CSE).header("X-M2M-RI", requestId).get("/maf/symmKeyRegs/" + key + "?keyValue=" + secret);
        List<String> lines = RequestLogs.linesNamingWithAccessLog(requestId);
        assertThat(lines).anyMatch(line -> line.contains(RequestLogs.ACCESS_LOG) && line.contains("/maf/symmKeyRegs/" + key + "\""));
        assertThat(Files.readString(RequestLogs.FILE)).doesNotContain(secret);
    }

    /**
     * A request line with control characters cannot forge or garble a log line: it is refused with 4000 before any
     * route (contract section 6), the access log's included, and nothing logged meanwhile holds a control character.
     */
    @Test
    void controlCharactersInTheRequestLineDoNotReachTheLog() throws Exception {
        long before = Files.size(RequestLogs.FILE);
        try (RawHttps connection = RawHttps.open(RawHttps.context(Client.IN_CSE))) {
            RawHttps.Reply reply = connection.send("GET", "/maf/symmKeyRegs/\u001b[2J\u0008\u0007x?q=\u001b[31m",
                    List.of("Host: localhost", "X-M2M-RI: ctl-" + UUID.randomUUID()), null);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.header("X-M2M-RSC")).isEqualTo("4000");
        }
        // A later request's access log line marks the point by which the refused one's would have been written.
        String marker = "after-ctl-" + UUID.randomUUID();
        MafClients.as(Client.IN_CSE).header("X-M2M-RI", marker).get("/maf/symmKeyRegs/" + key).then().statusCode(200);
        assertThat(RequestLogs.linesNamingWithAccessLog(marker)).anyMatch(line -> line.contains(RequestLogs.ACCESS_LOG));
        byte[] all = Files.readAllBytes(RequestLogs.FILE);
        String written = new String(all, (int) before, all.length - (int) before, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(written.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))
                .as(written).isEmpty();
    }

    /** The procedure's own line (org.openmaf.metrics at DEBUG) carries the RI and client from the MDC. */
    @Test
    void aLineLoggedDuringARefusedProcedureNamesTheRequestAndTheClient() throws Exception {
        String requestId = "mdc-" + UUID.randomUUID();
        MafClients.as(Client.AE).header("X-M2M-RI", requestId).get("/maf/symmKeyRegs/" + key).then().statusCode(403)
                .header("X-M2M-RSC", "4103");
        List<String> lines = RequestLogs.linesNaming("Procedure KEY_RETRIEVAL answered 4103");
        assertThat(lines).as("the refusal's log line, with its MDC")
                .anyMatch(line -> line.contains("[ri=" + requestId + " client=" + Client.AE.clientId + "]"));
    }

    /** Without X-M2M-RI the MDC carries the RI the MAF generated and answered with. */
    @Test
    void aGeneratedRequestIdIsTheOneLogged() throws Exception {
        String requestId = MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200)
                .extract().header("X-M2M-RI");
        assertThat(requestId).startsWith("maf-");
        assertThat(RequestLogs.linesNaming("[ri=" + requestId + " client=" + Client.IN_CSE.clientId + "]"))
                .anyMatch(line -> line.contains("Procedure KEY_RETRIEVAL answered 2000"))
                .anyMatch(line -> line.contains(RequestLogs.ACCESS_LOG));
    }
}
