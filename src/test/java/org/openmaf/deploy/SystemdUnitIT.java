package org.openmaf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd's own reading of deploy/systemd/maf.service: no unknown key, no unparsable value. An IT because it needs
 * systemd-analyze, which deploy/install-test-tools.sh installs before the integration tests (DeploymentManifestsTest
 * checks the unit's rules without it).
 */
class SystemdUnitIT {

    @Test
    void systemdAcceptsTheUnit(@TempDir Path directory) throws Exception {
        Path unit = Files.copy(Path.of("deploy", "systemd", "maf.service"), directory.resolve("maf.service"));
        Process verify = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(verify.getInputStream().readAllBytes());
        // On a host without /usr/bin/java, verify also reports the missing executable: not a fault of the unit.
        List<String> complaints = output.lines().filter(line -> !line.contains("is not executable")).toList();
        assertThat(complaints).as(output).isEmpty();
    }
}
