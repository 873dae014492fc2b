package org.openmaf.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openmaf.config.MafConfig;

/** A MafConfig holding only a KEK, to seal keys the way an earlier deployment did. */
final class TestConfigs {

    private TestConfigs() {
    }

    static MafConfig kekOnly(String kekId, String kek) {
        return new MafConfig() {
            public String fqdn() { return "unused"; }
            public Tls tls() { return null; }
            public Http http() { return null; }
            public Psk psk() { return null; }
            public Admin admin() { return null; }
            public Audit audit() { return null; }
            public Map<String, Stakeholder> stakeholders() { return Map.of(); }
            public Duration purgeInterval() { return Duration.ofMinutes(1); }
            public Crypto crypto() {
                return new Crypto() {
                    public String kek() { return kek; }
                    public String kekId() { return kekId; }
                    public Map<String, String> previousKeks() { return Map.of(); }
                    public boolean nativeProvider() { return false; }
                };
            }
        };
    }
}
