package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.TestPki.Client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged MAF with {@code quarkus.log.console.json.enabled=true} (QUARKUS_LOG_CONSOLE_JSON_ENABLED=true, README
 * "Logs"): its console lines are JSON objects, and a request's access log line carries the request's RI and client in
 * {@code mdc}.
 */
class JsonLogsIT {

    @Test
    void theConsoleSwitchesToJsonWithTheRequestInTheMdc() throws Exception {
        int port = MafProcess.freePort();
        Map<String, String> settings = new java.util.HashMap<>(MafProcess.testSettings(port));
        settings.put("quarkus.log.console.json.enabled", "true");
        try (MafProcess maf = MafProcess.maf(settings)) {
            String started = maf.awaitLine("Listening on", 90);
            assertThat(json(started).path("message").asText()).contains("Listening on");
            maf.keepReading();

            String requestId = "json-" + UUID.randomUUID();
            // A procedure that changes nothing: retrieving a registration that does not exist (4004).
            MafClients.withKeyStore(Client.MN_CSE.pkcs12(), port).header("X-M2M-RI", requestId)
                    .get("/maf/mafClientRegs/none").then().statusCode(404).header("X-M2M-RSC", "4004");

            List<JsonNode> lines = List.of();
            for (int i = 0; i < 50 && lines.isEmpty(); i++) {
                Thread.sleep(100);
                lines = maf.output().lines().filter(line -> line.contains(requestId)).map(JsonLogsIT::json).toList();
            }
            assertThat(lines).as(maf.output()).anySatisfy(line -> {
                assertThat(line.path("loggerName").asText()).isEqualTo("io.quarkus.http.access-log");
                assertThat(line.path("message").asText()).contains("\"GET /maf/mafClientRegs/none\" 404 ")
                        .contains("rsc=4004");
                assertThat(line.path("mdc").path("ri").asText()).isEqualTo(requestId);
                assertThat(line.path("mdc").path("client").asText()).isEqualTo(Client.MN_CSE.clientId);
            });
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception notJson) {
            throw new AssertionError("not a JSON log line: " + line, notJson);
        }
    }
}
