package org.openmaf.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmaf.client.psk.MafKeyCache;
import org.openmaf.client.psk.MafPskIdentityManager;
import org.openmaf.keys.KeyReference;
import org.openmaf.keys.KeyRegMessages;
import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.Rsc;
import org.openmaf.onem2m.StrictJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The client library and the server read every m2m:timestamp and Key Identifier form alike (issue 8: one wire
 * vocabulary). Each form goes through the entry point each side really uses: the client's response reader
 * ({@code MafJson}) and its PSK identity manager (a relying CSE resolving {@code psk_identity}); the server's JSON data
 * binding ({@code StrictJson} into a request record) and its key lookup ({@code KeyReference}). Each side must give
 * the outcome in the table, so a side that grows its own parser again fails here on the forms where it differs.
 */
class WireAgreementTest {

    private static final String MAF = "maf.test.example";
    private static final String REL = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF";

    private static final ObjectMapper SERVER_JSON = serverMapper();

    private static ObjectMapper serverMapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    // ---- m2m:timestamp (contract section 4) ----

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "20261122T183000           | 2026-11-22T18:30:00Z",
            "20261122T183000Z          | 2026-11-22T18:30:00Z",
            "20261122T193000+0100      | 2026-11-22T18:30:00Z",
            "20261122T173000-0100      | 2026-11-22T18:30:00Z",
            "20261122T183000.25        | 2026-11-22T18:30:00.25Z",
            "2026-11-22T18:30:00Z      | 2026-11-22T18:30:00Z",
            "2026-11-22T19:30:00+01:00 | 2026-11-22T18:30:00Z",
            "2026-11-22T18:30:00.250Z  | 2026-11-22T18:30:00.25Z",
            "' 20261122T183000 '       | 2026-11-22T18:30:00Z",
            "2026-11-22T18:30:00       | refused",
            "2026-11-22 18:30          | refused",
            "20261122T183000+01:00     | refused",
            "20261322T183000           | refused",
            "20261122T1830             | refused",
            "20261122                  | refused",
            "tomorrow                  | refused",
            "''                        | refused",
    })
    void bothSidesReadEachTimestampFormAlike(String form, String expected) throws Exception {
        Optional<Instant> want = expected.equals("refused") ? Optional.empty() : Optional.of(Instant.parse(expected));

        assertThat(clientReads(form)).as("client, reading a MAF response").isEqualTo(want);
        assertThat(serverReads(form)).as("server, binding a request body").isEqualTo(want);
    }

    @Test
    void bothSidesWriteTheBasicUtcFormInWholeSeconds() throws Exception {
        Instant instant = Instant.parse("2026-11-22T18:30:00.987654321Z");

        ObjectNode clientBody = new ObjectMapper().createObjectNode();
        MafJson.putTime(clientBody, "expirationTime", instant);
        JsonNode serverBody = SERVER_JSON.readTree(SERVER_JSON.writeValueAsString(
                new KeyRegMessages.View(REL, null, null, null, null, null, instant, null, null)));

        assertThat(clientBody.get("expirationTime").asText()).isEqualTo("20261122T183000");
        assertThat(serverBody.get("expirationTime").asText()).isEqualTo("20261122T183000");
    }

    private static Optional<Instant> clientReads(String form) {
        ObjectNode node = new ObjectMapper().createObjectNode().put("expirationTime", form);
        try {
            return Optional.of(MafJson.keyMetadata(node).expirationTime());
        } catch (MafClientException refused) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> serverReads(String form) throws Exception {
        String body = SERVER_JSON.writeValueAsString(java.util.Map.of("expirationTime", form));
        try {
            return Optional.of(SERVER_JSON.readValue(body, KeyRegMessages.Update.class).expirationTime());
        } catch (com.fasterxml.jackson.databind.JsonMappingException refused) {
            return Optional.empty();
        }
    }

    // ---- Key Identifier (contract section 2, TS-0003 10.3.5) ----

    /**
     * The full form {@code RelativeKeyID@MAF-FQDN}, which a relying CSE receives as psk_identity and the MAF accepts in
     * lookups. "other" = a well-formed identifier of another MAF (server 4004); "refused" = malformed (server 4000).
     */
    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF@maf.test.example  | A0A1A2A3A4A5A6A7A8A9AAABACADAEAF",
            "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf@maf.test.example  | A0A1A2A3A4A5A6A7A8A9AAABACADAEAF",
            "a0A1a2A3a4A5a6A7a8A9aAaBaCaDaEaF@MAF.Test.Example  | A0A1A2A3A4A5A6A7A8A9AAABACADAEAF",
            "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF@other.example     | other",
            "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF@maf.test.example. | refused",
            "A0A1A2A3A4A5A6A7A8A9AAABACADAE@maf.test.example    | refused",
            "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF0@maf.test.example | refused",
            "G0A1A2A3A4A5A6A7A8A9AAABACADAEAF@maf.test.example  | refused",
            "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF@maf_test.example  | refused",
            "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF@maf.test.example@x | refused",
            "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF@                  | refused",
            "@maf.test.example                                  | refused",
    })
    void bothSidesReadEachKeyIdentifierFormAlike(String form, String expected) {
        assertThat(clientResolves(form)).as("client, resolving a psk_identity").isEqualTo(expected);
        assertThat(serverResolves(form)).as("server, looking a key up").isEqualTo(expected);
    }

    /** Lookups at the MAF also take the bare RelativeKeyID, in either case; a psk_identity is always the full form. */
    @ParameterizedTest
    @CsvSource({ "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF", "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" })
    void theServerTakesABareRelativeKeyIdWhichNoPskIdentityIs(String bare) {
        assertThat(serverResolves(bare)).isEqualTo(REL);
        assertThat(clientResolves(bare)).isEqualTo("refused");
        assertThat(clientResolves(bare + "@" + MAF)).isEqualTo(REL);
    }

    @Test
    void theKeyIdentifierTheServerAnswersIsTheOneTheClientParses() {
        String answered = KeyReference.keyIdentifier(REL, MAF);

        assertThat(clientResolves(answered)).isEqualTo(REL);
        assertThat(org.openmaf.wire.KeyIdentifier.parse(answered).toString()).isEqualTo(answered);
        assertThatThrownBy(() -> KeyReference.keyIdentifier("not hex", MAF)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * What a relying CSE's PSK identity manager makes of a psk_identity: the RelativeKeyID it looks up; "other" when
     * only a CSE trusting the MAF the identity names would accept it; else "refused".
     */
    private static String clientResolves(String identity) {
        AtomicReference<String> looked = new AtomicReference<>();
        if (pskIdentityManager(MAF, looked).getPSK(identity.getBytes(StandardCharsets.UTF_8)) != null) {
            return looked.get();
        }
        String namedMaf = identity.substring(identity.lastIndexOf('@') + 1);
        boolean ofNamedMaf = !namedMaf.isEmpty() && !namedMaf.equals(identity)
                && pskIdentityManager(namedMaf, looked).getPSK(identity.getBytes(StandardCharsets.UTF_8)) != null;
        return ofNamedMaf ? "other" : "refused";
    }

    private static MafPskIdentityManager pskIdentityManager(String mafFqdn, AtomicReference<String> looked) {
        MafKeyCache cache = new MafKeyCache(keyIdentifier -> {
            looked.set(keyIdentifier.relativeKeyId());
            return new RetrievedKey(new byte[32], "//my.m2mprovider.org/CAE3", KeyRegistrationRequest.SUID_MAF_SAEF, mafFqdn,
                    List.of("//my.m2mprovider.org/in-cse"), Instant.now().plusSeconds(3600), List.of());
        }, Clock.systemUTC());
        return new MafPskIdentityManager(mafFqdn, cache);
    }

    private static String serverResolves(String reference) {
        try {
            return KeyReference.relativeKeyId(reference, MAF);
        } catch (MafException e) {
            assertThat(e.rsc()).isIn(Rsc.BAD_REQUEST, Rsc.NOT_FOUND);
            return e.rsc() == Rsc.NOT_FOUND ? "other" : "refused";
        }
    }
}
