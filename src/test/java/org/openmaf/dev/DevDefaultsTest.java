package org.openmaf.dev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openmaf.config.MafSettings;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The dev package plugs its generated settings into configuration; only the dev profile ever sees them. */
class DevDefaultsTest {

    @Test
    void theDevProfileGetsGeneratedSettings() {
        SmallRyeConfig config = configFor("dev");
        assertThat(config.getOptionalValue("maf.crypto.kek-id", String.class)).contains("dev-k1");
        assertThat(config.getOptionalValue("maf.tls.server-cert", String.class)).hasValueSatisfying(
                path -> assertThat(path).contains("maf-dev"));
    }

    @Test
    void noOtherProfileSeesADevDefault() {
        for (String profile : new String[] {"prod", "test"}) {
            SmallRyeConfig config = configFor(profile);
            assertThat(config.getOptionalValue("maf.crypto.kek-id", String.class)).as(profile).isEmpty();
            assertThat(config.getOptionalValue("maf.tls.server-cert", String.class)).as(profile).isEmpty();
            assertThat(config.getOptionalValue("mp.jwt.verify.issuer", String.class)).as(profile).isEmpty();
        }
    }

    private static SmallRyeConfig configFor(String profile) {
        return new SmallRyeConfigBuilder().withProfile(profile).withSources(new MafSettings()).withSources(new DevDefaults())
                .build();
    }
}
