package org.openmaf.testing;

import java.time.Duration;
import java.util.List;

import org.openmaf.config.MafConfig;

/** A stakeholder as configuration gives it (maf.stakeholders."fqdn".*), with the documented defaults. */
public final class ConfiguredStakeholder {

    private ConfiguredStakeholder() {
    }

    public static MafConfig.Stakeholder allowing(String pattern) {
        return new MafConfig.Stakeholder() {
            public List<String> authorizedClients() { return List.of(pattern); }
            public Duration maxRegistrationLifetime() { return Duration.ofDays(365); }
            public Duration maxKeyLifetime() { return Duration.ofDays(7); }
            public int maxKeysPerClient() { return 1000; }
        };
    }
}
