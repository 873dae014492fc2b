package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Contract section 1: which SAN values name a MAF client, and as what. */
class ClientIdFromCertificateTest {

    @Test
    void uriSans() {
        assertThat(ClientIdFromCertificate.fromUri("//my.m2mprovider.org/CAE3")).contains("//my.m2mprovider.org/CAE3");
        assertThat(ClientIdFromCertificate.fromUri("https://my.m2mprovider.org/CAE3")).contains("//my.m2mprovider.org/CAE3");
        assertThat(ClientIdFromCertificate.fromUri("onem2m://sp.example/in-cse/Cae1")).contains("//sp.example/in-cse/Cae1");
        assertThat(ClientIdFromCertificate.fromUri("https://my.m2mprovider.org")).isEmpty();
        assertThat(ClientIdFromCertificate.fromUri("https://my.m2mprovider.org/")).isEmpty();
        assertThat(ClientIdFromCertificate.fromUri("mailto:someone@example.org")).isEmpty();
        assertThat(ClientIdFromCertificate.fromUri("//sp/has space")).isEmpty();
    }

    @Test
    void annexBDnsNames() {
        assertThat(ClientIdFromCertificate.fromDnsName("my.m2mprovider.org/mn-cse-123456"))
                .contains("//my.m2mprovider.org/mn-cse-123456");
        assertThat(ClientIdFromCertificate.fromDnsName("my.m2mprovider.org")).isEmpty();
        assertThat(ClientIdFromCertificate.fromDnsName("localhost")).isEmpty();
        assertThat(ClientIdFromCertificate.fromDnsName("-bad.example/x")).isEmpty();
    }

    /** The one client ID rule (org.openmaf.wire.ClientId), as contract section 7 asks of IDs from certificates. */
    @Test
    void onlyIdsEveryOtherPartOfTheMafAcceptsToo() {
        assertThat(ClientIdFromCertificate.fromUri("//my_sp/x")).isEmpty();
        assertThat(ClientIdFromCertificate.fromDnsName("my_sp/x")).isEmpty();
        assertThat(ClientIdFromCertificate.fromUri("//sp.example/../in-cse")).isEmpty();
        assertThat(ClientIdFromCertificate.fromUri("//sp.example/in-cse/.")).isEmpty();
        assertThat(ClientIdFromCertificate.fromUri("//sp.example//in-cse")).isEmpty();
        assertThat(ClientIdFromCertificate.fromUri("//sp.example/in%2Dcse")).isEmpty();
        assertThat(ClientIdFromCertificate.fromDnsName("sp.example/in-cse*")).isEmpty();
        assertThat(ClientIdFromCertificate.fromUri("//sp/x/../in-cse")).isEmpty();
        assertThat(ClientIdFromCertificate.fromUri("//sp/in%2Dcse")).isEmpty();
        assertThat(ClientIdFromCertificate.fromUri("//sp/*")).isEmpty();
    }

    /** Contract section 7: the SP-ID is a domain name, so its case names no other client. */
    @Test
    void idsAreCanonicalWithTheSpIdLowercased() {
        assertThat(ClientIdFromCertificate.fromUri("//SP.example/x")).contains("//sp.example/x");
        assertThat(ClientIdFromCertificate.fromUri("https://SP.Example/CAE3")).contains("//sp.example/CAE3");
        assertThat(ClientIdFromCertificate.fromDnsName("My.M2MProvider.org/mn-cse-123456"))
                .contains("//my.m2mprovider.org/mn-cse-123456");
    }
}
