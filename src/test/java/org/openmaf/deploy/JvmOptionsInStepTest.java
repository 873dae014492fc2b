package org.openmaf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The MAF's JVM options (README "Production": heap, collector, stacks, code cache) are written out in four places:
 * the README, the container image, the systemd unit and the benchmark, which measures the resident size they give
 * (issue 12). They must be the same options everywhere, or the benchmark measures a MAF nobody runs.
 */
class JvmOptionsInStepTest {

    private static final Pattern OPTIONS = Pattern.compile("-XX:\\+UseSerialGC[^\"\\n)]*?-XX:\\+ExitOnOutOfMemoryError");

    @Test
    void theImageTheUnitAndTheBenchmarkRunTheOptionsTheReadmeDocuments() throws IOException {
        String documented = options(Path.of("README.md"));
        assertThat(documented).contains("-Xmx", "-Xss");
        assertThat(options(Path.of("src/main/docker/Dockerfile.jvm"))).isEqualTo(documented);
        assertThat(options(Path.of("deploy/systemd/maf.service"))).isEqualTo(documented);
        assertThat(options(Path.of("src/bench/run.sh"))).isEqualTo(documented);
    }

    /** The first run of options in the file, whitespace (and the shell array's line break) normalized. */
    private static String options(Path file) throws IOException {
        Matcher matcher = OPTIONS.matcher(Files.readString(file).replaceAll("\\s*\\n\\s*", " "));
        assertThat(matcher.find()).as("JVM options in %s", file).isTrue();
        return matcher.group().replaceAll("\\s+", " ");
    }
}
