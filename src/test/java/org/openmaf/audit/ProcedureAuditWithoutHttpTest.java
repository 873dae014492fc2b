package org.openmaf.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.keys.KeyRegMessages;
import org.openmaf.keys.KeyRegistrationService;
import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.Rsc;
import org.openmaf.registration.ClientRegMessages;
import org.openmaf.registration.ClientRegistration;
import org.openmaf.registration.RegistrationService;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The services audit the procedure they run, with no HTTP request in scope: the record names the procedure, the
 * client and the resource because the service says so, not because a request line was matched.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class ProcedureAuditWithoutHttpTest {

    @Inject
    RegistrationService registrations;

    @Inject
    KeyRegistrationService keys;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
    }

    @Test
    void aSuccessIsRecordedWithItsProcedureClientAndResource() throws Exception {
        ClientRegistration registration = registrations.register(Client.MN_CSE.clientId,
                new ClientRegMessages.Create(Maf.ADMIN, null, null, null));
        registrations.retrieve(Client.MN_CSE.clientId, registration.id);

        assertThat(auditRows()).containsExactly(
                "CLIENT_REGISTRATION|" + Client.MN_CSE.clientId + "|" + registration.id + "|2001|",
                "CLIENT_REGISTRATION_RETRIEVAL|" + Client.MN_CSE.clientId + "|" + registration.id + "|2000|");
        assertThat(requestIds()).doesNotContainNull();
    }

    @Test
    void aRefusalIsRecordedWithItsProcedureOnceAndRollsBackNothingItDidNotDo() throws Exception {
        // The source holds no registration for the stakeholder: 4103, before any exporter is asked for a key.
        KeyRegMessages.Create request = new KeyRegMessages.Create(Maf.ADMIN, 32, List.of(Client.IN_CSE.clientId),
                null, null, null, null);
        assertThatThrownBy(() -> keys.register(Client.MN_CSE.clientId, request, () -> {
            throw new AssertionError("a refused registration must not export a key");
        })).isInstanceOfSatisfying(MafException.class, refusal -> {
            assertThat(refusal.rsc()).isEqualTo(Rsc.ORIGINATOR_HAS_NO_PRIVILEGE);
            assertThat(refusal.isRecorded()).as("recorded, so the binding layer does not record it again").isTrue();
        });
        assertThatThrownBy(() -> keys.retrieve(Client.AE.clientId, "0123456789abcdef0123456789abcdef"))
                .isInstanceOf(MafException.class);

        List<String> rows = auditRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("KEY_REGISTRATION|" + Client.MN_CSE.clientId + "|null|4103|")
                .contains("holds no valid MAF client registration");
        assertThat(rows.get(1)).startsWith("KEY_RETRIEVAL|" + Client.AE.clientId + "|0123456789abcdef0123456789abcdef|4004|");
        assertThat(TestDatabase.count("key_registration")).isZero();
    }

    @Test
    void successIsOnlyRecordedInsideAProcedure() {
        assertThatThrownBy(() -> new ProcedureAudit().succeeded("x")).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> auditRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (var db = TestDatabase.connect(); var result = db.createStatement().executeQuery(
                "select procedure_name, actor, resource_id, rsc, coalesce(detail, '') from audit_record order by id")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3) + "|"
                        + result.getInt(4) + "|" + result.getString(5));
            }
        }
        return rows;
    }

    private static List<String> requestIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (var db = TestDatabase.connect(); var result = db.createStatement().executeQuery(
                "select request_id from audit_record order by id")) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }
}
