package org.openmaf.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.Client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * maf-client against the real MAF (real TLS, real PostgreSQL): defaults from MAF_* variables, a PKCS#12 identity as the
 * dev PKI writes them, the MAF's refusals as JSON with their RSC, and the exit status of their class.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class MafClientCliAgainstMafTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
    }

    /** The environment a user would export once: where the MAF is, what to trust, no config file. */
    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put(ClientDefaults.CONFIG_ENV, directory.resolve("absent.properties").toString());
        environment.put("MAF_URL", MafClients.baseUri());
        environment.put("MAF_CA", TestPki.caCertificate().toString());
        environment.put("MAF_FQDN", MafTestEnvironment.MAF_FQDN);
        return environment;
    }

    private Map<String, String> asPkcs12(Client client) throws Exception {
        Path password = directory.resolve(client.fileName + ".password");
        Files.writeString(password, TestPki.PASSWORD + "\n");
        Map<String, String> environment = environment();
        environment.put("MAF_P12", client.pkcs12().toString());
        environment.put("MAF_P12_PASSWORD_FILE", password.toString());
        return environment;
    }

    private static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = MafClientCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void anAeRegistersAndRegistersAKeyWithItsPkcs12AndNoFlagsButTheCommandsOwn() throws Exception {
        Map<String, String> ae = asPkcs12(Client.AE);

        Run registered = run(ae, "register", "--admin-fqdn", MafTestEnvironment.ADMIN_FQDN, "--json");
        assertThat(registered.status()).as(registered.err()).isZero();
        JsonNode registration = JSON.readTree(registered.out());
        assertThat(registration.get("mafClientID").asText()).isEqualTo(Client.AE.clientId);

        Run key = run(ae, "key", "register", "--admin-fqdn", MafTestEnvironment.ADMIN_FQDN, "--target", Client.IN_CSE.clientId);
        assertThat(key.status()).as(key.err()).isZero();
        assertThat(key.out()).contains("psk_identity: ", "@" + MafTestEnvironment.MAF_FQDN);
        assertThat(key.err()).startsWith("Registered key ").contains("next: maf-client psk connect");
    }

    @Test
    void aRefusalByTheMafIsJsonWithItsRscAndStatusAndExitsFour() throws Exception {
        Run refused = run(asPkcs12(Client.INTRUDER), "register", "--admin-fqdn", MafTestEnvironment.ADMIN_FQDN, "--json");

        assertThat(refused.status()).isEqualTo(MafClientCli.FORBIDDEN);
        JsonNode error = JSON.readTree(refused.err());
        assertThat(error.get("rsc").asInt()).isEqualTo(4103);
        assertThat(error.get("status").asInt()).isEqualTo(403);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void anUnknownRegistrationIsNotFoundInPlainTextAndExitsThree() throws Exception {
        Map<String, String> pem = environment();
        pem.put("MAF_CERT", Client.AE.certificate().toString());
        pem.put("MAF_KEY", Client.AE.key().toString());

        Run missing = run(pem, "registration", "get", "no-such-registration");

        assertThat(missing.status()).isEqualTo(MafClientCli.NOT_FOUND);
        assertThat(missing.err()).startsWith("error: the MAF refused the request: RSC 4004 (HTTP 404)");
    }
}
