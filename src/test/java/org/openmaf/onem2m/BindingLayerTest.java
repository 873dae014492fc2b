package org.openmaf.onem2m;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.MafClients;
import org.openmaf.wire.M2mTimestamp;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Contract section 4 at the edges of the binding: headers, unknown paths and methods, body size. */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class BindingLayerTest {

    @Test
    void requestIdentifierAndReleaseVersionAreEchoed() {
        MafClients.as(Client.MN_CSE).header("X-M2M-RI", "req-42").header("X-M2M-RVI", "4")
                .get("/maf/unknown").then()
                .header("X-M2M-RI", "req-42").header("X-M2M-RVI", "4").header("X-M2M-RSC", "4004");
    }

    @Test
    void aMissingRequestIdentifierIsGenerated() {
        MafClients.as(Client.MN_CSE).get("/maf/unknown").then().header("X-M2M-RI", startsWith("maf-"));
    }

    @Test
    void anUnknownMethodIsOperationNotAllowed() {
        MafClients.as(Client.MN_CSE).patch("/maf/mafClientRegs").then()
                .statusCode(405).header("X-M2M-RSC", "4005").body("'m2m:dbg'", containsString("not allowed"));
    }

    @Test
    void anOversizedBodyIsABadRequest() {
        String body = "{\"m2m:mafClientReg\":{\"labels\":[\"" + "x".repeat(70 * 1024) + "\"]}}";
        MafClients.as(Client.MN_CSE).contentType("application/json").body(body).post("/maf/mafClientRegs").then()
                .statusCode(400).header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString("64 KiB"));
    }

    @Test
    void errorsNeverLeakStackTraces() {
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/%00%ff").then()
                .body(org.hamcrest.Matchers.not(containsString("Exception")))
                .header("X-M2M-RSC", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void timestampsUseTheBasicFormatAndAcceptTheExtendedOne() {
        java.time.Instant instant = java.time.Instant.parse("2026-11-22T18:30:00Z");
        org.assertj.core.api.Assertions.assertThat(M2mTimestamp.format(instant)).isEqualTo("20261122T183000");
        org.assertj.core.api.Assertions.assertThat(M2mTimestamp.parse("20261122T183000")).contains(instant);
        org.assertj.core.api.Assertions.assertThat(M2mTimestamp.parse("20261122T193000+0100")).contains(instant);
        org.assertj.core.api.Assertions.assertThat(M2mTimestamp.parse("2026-11-22T18:30:00Z")).contains(instant);
        org.assertj.core.api.Assertions.assertThat(M2mTimestamp.parse("2026-11-22T19:30:00+01:00")).contains(instant);
        org.assertj.core.api.Assertions.assertThat(M2mTimestamp.parse("2026-11-22 18:30")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(M2mTimestamp.parse("2026-11-22T18:30:00")).isEmpty();
    }

    @Test
    void healthReportsTheDatabaseAndMetricsArePrometheusText() {
        MafClients.management().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        MafClients.management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        MafClients.management().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
        // Contract section 9: not on the device-facing port.
        for (String path : java.util.List.of("/q/health", "/q/health/ready", "/q/metrics")) {
            MafClients.withoutCertificate().get(path).then().statusCode(org.hamcrest.Matchers.not(200));
        }
    }
}
