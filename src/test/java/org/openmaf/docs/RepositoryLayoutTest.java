package org.openmaf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * What a newcomer finds at the top of a clone: the build, the sources, the deployments, the OpenAPI document with the
 * contract beside it, the README, the licence and the security policy, and nothing else.
 */
class RepositoryLayoutTest {

    static final Set<String> TOP_LEVEL = Set.of("pom.xml", "mvnw", ".mvn", "src", "deploy", "openapi", "README.md",
            "LICENSE", "SECURITY.md", ".ci", ".gitignore", ".dockerignore");
    /** MD5 of the Apache License 2.0 text as the ASF publishes it (LICENSE-2.0.txt), which LICENSE is, unchanged. */
    static final String APACHE_2_0_MD5 = "3b83ef96387f14655fc854ddc3c6bd57";

    @Test
    void theTopLevelHoldsOnlyWhatANewcomerNeeds() throws Exception {
        // What is committed, and what a commit would add (everything not ignored), but no build output.
        Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard").redirectErrorStream(true).start();
        String files = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as("git ls-files: " + files).isZero();
        Set<String> topLevel = new TreeSet<>();
        files.lines().map(f -> f.contains("/") ? f.substring(0, f.indexOf('/')) : f).forEach(topLevel::add);
        assertThat(topLevel).as("tracked entries at the top level").contains("pom.xml", "src", "openapi", "LICENSE",
                "SECURITY.md");
        assertThat(TOP_LEVEL).containsAll(topLevel);
    }

    @Test
    void theContractLivesBesideTheOpenApiDocumentAndTheReadmeLinksThere() throws IOException {
        assertThat(Path.of("openapi", "MAF-CONTRACT.md")).exists();
        assertThat(Path.of("openapi", "openapi.yaml")).exists();
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("(openapi/MAF-CONTRACT.md)", "(LICENSE)", "(SECURITY.md)")
                .doesNotContain("kept beside this repository");
    }

    @Test
    void theLicenceIsTheUnchangedApacheLicenceAndThePomSaysSo() throws Exception {
        byte[] licence = Files.readAllBytes(Path.of("LICENSE"));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(licence))).isEqualTo(APACHE_2_0_MD5);
        assertThat(Files.readString(Path.of("pom.xml")))
                .containsPattern("<licenses>\\s*<license>\\s*<name>Apache-2.0</name>\\s*<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>");
    }

    @Test
    void theSecurityPolicySaysHowToReportAndWhatIsInScope() throws IOException {
        String policy = Files.readString(Path.of("SECURITY.md"));
        assertThat(policy).contains("## How to report a vulnerability", "Privately", "## Supported versions", "## Scope",
                "Out of scope", "## What the project guarantees");
        // Its scope names parts that exist.
        for (String part : new String[] { "src/main/docker/Dockerfile.jvm", "deploy/", "openapi/MAF-CONTRACT.md" }) {
            assertThat(policy).contains(part);
            assertThat(Path.of(part)).exists();
        }
    }
}
