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
}
