package org.openmaf.onem2m;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.FaultProbe;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.RequestLogs;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Contract section 6: a fault on the MAF's side, in JAX-RS or in a Vert.x route outside it, is 500 / 5000 with
 * {@code Retry-After} and a JSON {@code m2m:dbg} naming the kind of fault, never Quarkus's "Error id" page, and it is
 * logged once. (The database outage itself is DatabaseOutageIT, on a PostgreSQL that test can stop.)
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class ServerFaultAnswerTest {

    private static final Path LOG = Path.of("target", "maf-test.log");

    @Test
    void anUnexpectedExceptionInAResourceIsAGenericServerFault() throws IOException {
        assertCleanServerFault("/test-support/faults/internal", ServerFault.INTERNAL);
    }

    @Test
    void anUnreachableStoreSaysSo() throws IOException {
        assertCleanServerFault("/test-support/faults/store", ServerFault.STORE_UNAVAILABLE);
    }

    @Test
    void aFailedVertxRouteGetsTheSameAnswerInsteadOfTheErrorIdPage() throws IOException {
        assertCleanServerFault("/test-support/faults/route", ServerFault.INTERNAL);
        assertCleanServerFault("/test-support/faults/route-store", ServerFault.STORE_UNAVAILABLE);
    }

    private static void assertCleanServerFault(String path, ServerFault fault) throws IOException {
        String requestId = "fault-" + UUID.randomUUID();
        Response response = MafClients.withoutCertificate().header("X-M2M-RI", requestId).get(path);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.header("X-M2M-RSC")).isEqualTo("5000");
        assertThat(response.header("X-M2M-RI")).isEqualTo(requestId);
        assertThat(response.header("Retry-After")).isEqualTo(String.valueOf(ServerFault.RETRY_AFTER_SECONDS));
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.body().asString()).isEqualTo("{\"m2m:dbg\":\"" + fault.message() + "\"}");

        String log = Files.readString(LOG);
        // The access log's line for the request aside (org.openmaf.ops.RequestLogsTest), the fault is logged once.
        assertThat(log.lines().filter(line -> line.contains(requestId) && !line.contains(RequestLogs.ACCESS_LOG)))
                .as("log lines naming the request").hasSize(1);
        assertThat(log).doesNotContain("error id: ");
        if (fault == ServerFault.STORE_UNAVAILABLE) {
            assertThat(log.lines().filter(line -> line.contains(requestId) && !line.contains(RequestLogs.ACCESS_LOG))
                    .findFirst().orElseThrow())
                    .contains("WARN").contains("store is unavailable");
        }
        assertThat(response.body().asString()).doesNotContain(FaultProbe.SECRET);
    }
}
