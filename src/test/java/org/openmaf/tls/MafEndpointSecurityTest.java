package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.OpenSsl;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Contract section 1: who may reach /maf, over which TLS, and under which identity. */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class MafEndpointSecurityTest {

    @Test
    void withoutAClientCertificateNoMafProcedureRuns() {
        MafClients.withoutCertificate().get("/maf/mafClientRegs/anything")
                .then().statusCode(403)
                .header("X-M2M-RSC", "4106")
                .header("X-M2M-RI", notNullValue())
                .body("'m2m:dbg'", containsString("client certificate"));
    }

    @ParameterizedTest
    @EnumSource(value = Client.class, names = { "NO_ID", "TWO_IDS" })
    void aCertificateThatNamesNoSingleClientIsNotAnIdentity(Client client) {
        MafClients.as(client).get("/maf/mafClientRegs/anything")
                .then().statusCode(403).header("X-M2M-RSC", "4106")
                .body("'m2m:dbg'", containsString(client == Client.NO_ID ? "names no MAF client" : "more than one"));
    }

    @ParameterizedTest
    @EnumSource(value = Client.class, names = { "UNTRUSTED", "EXPIRED" })
    void untrustedOrExpiredCertificatesFailTheHandshake(Client client) throws Exception {
        // OpenSSL sends the certificate whatever its state: the MAF must end the handshake.
        for (String version : List.of("-tls1_2", "-tls1_3")) {
            OpenSsl.Result openssl = OpenSsl.sClient(client, List.of(version), OpenSsl.httpRequest("GET", "/maf/x", null));
            assertThat(openssl.output()).as(version).doesNotContain("HTTP/1.1").containsPattern("alert|error");
        }
        // The JDK client may hold such a certificate back; then no MAF procedure runs either.
        try {
            MafClients.as(client).get("/maf/mafClientRegs/anything").then().statusCode(403).header("X-M2M-RSC", "4106");
        } catch (AssertionError e) {
            throw e;
        } catch (Exception handshakeFailed) {
            assertThat(handshakeFailed).isInstanceOf(java.io.IOException.class);
        }
    }

    /**
     * Every connection verifies its client certificate (a CRL reloaded since must apply), so no TLS 1.3 session ticket
     * follows a /maf request, whose client identity the MAF works out once per session, and OpenSSL has no session to
     * save for a later connection to resume. Until issue 12's fourth round, that identity was kept in the session
     * itself, which made the JDK send a ticket, and OpenSSL then resumed as the MN-CSE without any certificate.
     */
    @Test
    void aTls13ConnectionLeavesNoSessionToResume() throws Exception {
        Path session = Files.createTempFile("maf-tls13-session", ".pem");
        session.toFile().deleteOnExit();
        String request = OpenSsl.httpRequest("GET", "/maf/symmKeyRegs/00000000000000000000000000000000", null);

        OpenSsl.Result openssl = OpenSsl.sClient(Client.MN_CSE, List.of("-tls1_3", "-sess_out", session.toString()), request);

        assertThat(openssl.output()).contains("New, TLSv1.3").contains("X-M2M-RSC: 4004")
                .doesNotContain("TLS session ticket:");
        assertThat(session).as("the session OpenSSL saved for resumption").isEmptyFile();
    }

    /**
     * Should a client still resume a session (here the JDK sends a ticket because a value was put into the session, see
     * {@link org.openmaf.testing.SessionValueProbe}), the resumed connection's certificate was verified by no handshake
     * of its own, so it names nobody: OpenSSL, resuming without a certificate, is refused with 4106.
     */
    @Test
    void aResumedTls13SessionIsNobody() throws Exception {
        Path session = Files.createTempFile("maf-tls13-ticket", ".pem");
        session.toFile().deleteOnExit();

        OpenSsl.Result first = OpenSsl.sClient(Client.MN_CSE, List.of("-tls1_3", "-sess_out", session.toString()),
                OpenSsl.httpRequest("GET", "/test-support/session-value", null));
        OpenSsl.Result resumed = OpenSsl.sClient(null, List.of("-tls1_3", "-sess_in", session.toString()),
                OpenSsl.httpRequest("GET", "/maf/symmKeyRegs/00000000000000000000000000000000", null));

        assertThat(first.output()).contains("TLS session ticket:");
        assertThat(resumed.output()).contains("Reused, TLSv1.3").contains("X-M2M-RSC: 4106")
                .contains("resumed an earlier session").doesNotContain("X-M2M-RSC: 4004");
    }

    @Test
    void theCertificateNotTheOriginHeaderIsTheIdentity() {
        MafClients.as(Client.MN_CSE).header("X-M2M-Origin", Client.IN_CSE.clientId).get("/maf/mafClientRegs/anything")
                .then().statusCode(403).header("X-M2M-RSC", "4103")
                .body("'m2m:dbg'", containsString(Client.MN_CSE.clientId));
        MafClients.as(Client.MN_CSE).header("X-M2M-Origin", Client.MN_CSE.clientId).get("/maf/nothing-here")
                .then().statusCode(404).header("X-M2M-RSC", "4004");
    }

    @Test
    void bothSubjectAltNameFormsNameTheClient() {
        assertThat(ClientIdFromCertificate.fromUri("https://my.m2mprovider.org/CAE4")).contains(Client.AE_WITH_SCHEME.clientId);
        MafClients.as(Client.AE).header("X-M2M-Origin", Client.AE.clientId).get("/maf/nothing-here").then().statusCode(404);
        MafClients.as(Client.AE_WITH_SCHEME).header("X-M2M-Origin", Client.AE_WITH_SCHEME.clientId).get("/maf/nothing-here")
                .then().statusCode(404);
        MafClients.as(Client.IN_CSE).header("X-M2M-Origin", Client.IN_CSE.clientId).get("/maf/nothing-here")
                .then().statusCode(404);
    }

    @Test
    void onlyTls12AndTls13AreSpoken() throws Exception {
        for (String old : List.of("-tls1", "-tls1_1")) {
            OpenSsl.Result result = OpenSsl.sClient(Client.MN_CSE, List.of(old, "-cipher", "DEFAULT@SECLEVEL=0"),
                    OpenSsl.httpRequest("GET", "/q/openapi", null));
            assertThat(result.output()).as(old).doesNotContain("HTTP/1.1").contains("New, (NONE)");
        }
        OpenSsl.Result mandatory = OpenSsl.sClient(Client.MN_CSE, List.of("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256"),
                OpenSsl.httpRequest("GET", "/q/openapi", null));
        assertThat(mandatory.output()).contains("Cipher is ECDHE-ECDSA-AES128-SHA256").contains("HTTP/1.1 200");
    }

    @Test
    void aBrowserWithoutACertificateCanOpenTheOperatorPages() {
        MafClients.withoutCertificate().get("/q/swagger-ui/index.html").then().statusCode(200);
        MafClients.withoutCertificate().get("/q/openapi").then().statusCode(200);
    }
}
