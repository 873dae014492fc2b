package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmaf.config.MafConfig;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The production profile's limits are contract section 6's: headers within 10 s, idle connections closed after 60 s,
 * and a bound on connections without a client certificate. SlowPeersIT proves the mechanism with shorter values.
 */
class ConnectionLimitsDefaultsTest {

    @Test
    void productionDefaultsAreTheContractsValues() throws Exception {
        SmallRyeConfig production = new SmallRyeConfigBuilder().withProfile("prod")
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(getClass().getClassLoader().getResource("application.properties"),
                        250))
                // The settings production requires and has no default for; irrelevant here.
                .withDefaultValues(Map.of("maf.fqdn", "maf.example.org", "maf.tls.server-cert", "unused",
                        "maf.tls.server-key", "unused", "maf.tls.trust-anchors", "unused", "maf.crypto.kek", "unused"))
                .withMapping(MafConfig.class).build();
        MafConfig maf = production.getConfigMapping(MafConfig.class);

        assertThat(maf.http().headerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(production.getValue("quarkus.http.idle-timeout", Duration.class)).isEqualTo(Duration.ofSeconds(60));
        assertThat(maf.tls().maxUnauthenticatedConnections()).isEqualTo(100);
    }
}
