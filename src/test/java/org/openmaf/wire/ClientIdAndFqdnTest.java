package org.openmaf.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for client IDs and FQDNs that the procedures, the admin API, certificates and the client all use. */
class ClientIdAndFqdnTest {

    @ParameterizedTest
    @ValueSource(strings = { "//my.m2mprovider.org/mn-cse-123456", "//sp/CAE3", "//My.SP/in-cse/Cae1",
            "//sp.example/a_b~c:d@e!$&'()+,;=", "//sp/a.b", "//sp/...", "//1.2.3.4/x" })
    void absoluteIdsOfTs0001(String id) {
        assertThat(ClientId.isValid(id)).isTrue();
        assertThat(ClientId.parse(id).value()).isEqualTo(id.startsWith("//My.SP") ? id.replace("//My.SP", "//my.sp") : id);
    }

    @ParameterizedTest
    @ValueSource(strings = { "//my_sp/x", "//sp", "//sp/", "sp/x", "/sp/x", "///x", "//sp//x", "//sp/x/", "//sp/.",
            "//sp/..", "//sp/./x", "//sp/../x", "//sp/a%20b", "//sp/a*", "//sp/has space", "//-sp/x", "//sp-/x",
            "//sp./x", "//.sp/x", "//sp/x\u00e9", "//sp/x\n" })
    void anythingElseIsRefused(String id) {
        assertThat(ClientId.isValid(id)).isFalse();
        assertThatThrownBy(() -> ClientId.parse(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientIdsHaveAtMost512Characters() {
        String prefix = "//my.m2mprovider.org/";
        assertThat(ClientId.isValid(prefix + "x".repeat(512 - prefix.length()))).isTrue();
        assertThat(ClientId.isValid(prefix + "x".repeat(513 - prefix.length()))).isFalse();
        assertThat(ClientId.isValid(null)).isFalse();
        assertThat(ClientId.parse("//My.SP/x").spId()).isEqualTo("my.sp");
    }

    /** Contract section 7: one canonical form per client, the SP-ID (a domain name) lowercased; the rest as given. */
    @Test
    void theCanonicalFormLowercasesTheSpIdOnly() {
        assertThat(ClientId.canonical("//SP.example/x")).isEqualTo("//sp.example/x").isEqualTo(ClientId.canonical("//sp.example/x"));
        assertThat(ClientId.parse("//SP.Example/In-CSE/Cae1")).isEqualTo(ClientId.parse("//sp.example/In-CSE/Cae1"));
        assertThat(ClientId.canonical("//sp/CAE3")).isEqualTo("//sp/CAE3");
        for (String notAnId : new String[] { "//sp/x/../in-cse", "//sp/in%2Dcse", "//sp/*", "//my_sp/x" }) {
            assertThatThrownBy(() -> ClientId.canonical(notAnId)).as(notAnId).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "my.m2mprovider.org", "localhost", "MAF.Example.org", "a-b.c1", "1.2.3.4" })
    void fqdns(String fqdn) {
        assertThat(Fqdn.isValid(fqdn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "my_sp.example", "not a host", "-a.example", "a-.example", "a..example", ".a.example",
            "a.example.", "é.example" })
    void notFqdns(String text) {
        assertThat(Fqdn.isValid(text)).isFalse();
        assertThatThrownBy(() -> Fqdn.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelsUpTo63AndNamesUpTo253Characters() {
        assertThat(Fqdn.isValid("a".repeat(63) + ".example")).isTrue();
        assertThat(Fqdn.isValid("a".repeat(64) + ".example")).isFalse();
        String long253 = ("a".repeat(61) + ".").repeat(4) + "a".repeat(5);
        assertThat(long253).hasSize(253);
        assertThat(Fqdn.isValid(long253)).isTrue();
        assertThat(Fqdn.isValid(long253 + "a")).isFalse();
        assertThat(Fqdn.parse("MAF.Example.org").sameAs("maf.example.ORG")).isTrue();
        assertThat(Fqdn.isValid(null)).isFalse();
    }
}
