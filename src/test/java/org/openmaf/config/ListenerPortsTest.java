package org.openmaf.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The ports the TLS-PSK bridge must leave to the MAF's listeners (PskBridge): every configured one, none that is 0. */
class ListenerPortsTest {

    @Test
    void theConfiguredPortsAreTheHttpsTlsPskAndManagementPorts() {
        assertThat(listenerPorts(8444, true).configured()).containsExactlyInAnyOrder(8443, 8444, 9000);
    }

    @Test
    void aDisabledListenerHoldsNoPort() {
        assertThat(listenerPorts(0, false).configured()).containsExactly(8443);
    }

    private static ListenerPorts listenerPorts(int pskPort, boolean managementEnabled) {
        Map<String, String> settings = new HashMap<>(Map.of("maf.psk.port", String.valueOf(pskPort), "maf.fqdn",
                "maf.example.org", "maf.tls.server-cert", "unused", "maf.tls.server-key", "unused",
                "maf.tls.trust-anchors", "unused", "maf.crypto.kek", "unused"));
        ListenerPorts ports = new ListenerPorts();
        ports.config = new SmallRyeConfigBuilder().withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValues(settings).withMapping(MafConfig.class).build().getConfigMapping(MafConfig.class);
        ports.httpsPort = 8443;
        ports.managementEnabled = managementEnabled;
        ports.managementPort = 9000;
        return ports;
    }
}
