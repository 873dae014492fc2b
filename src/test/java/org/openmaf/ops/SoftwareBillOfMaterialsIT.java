package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The build's CycloneDX SBOM (cyclonedx-maven-plugin, package phase) lists what the MAF ships, at the versions it
 * ships, so that a vulnerability scanner reading it sees the real thing: the BouncyCastle, Quarkus and PostgreSQL driver
 * jars this very build ran against, and none of the test libraries.
 */
class SoftwareBillOfMaterialsIT {

    static final Path SBOM = Path.of("target", "bom.json");

    @Test
    void theBuildListsTheLibrariesTheMafShipsAtTheirVersions() throws Exception {
        // cyclonedx-maven-plugin needs online mode; Maven skips it (with a warning) in an offline build (-o).
        Assumptions.assumeFalse("offline=true".equals(System.getProperty("openmaf.build")), "Maven ran offline: it skipped the SBOM");
        assertThat(SBOM).as("written by cyclonedx-maven-plugin in the package phase").exists();
        JsonNode bom = new ObjectMapper().readTree(SBOM.toFile());
        assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("maf");

        List<String> components = new ArrayList<>();
        bom.get("components").forEach(c -> components.add(c.get("group").asText() + ":" + c.get("name").asText() + ":"
                + c.get("version").asText()));
        assertThat(components).contains(
                "org.bouncycastle:bcprov-jdk18on:" + versionOf(org.bouncycastle.jce.provider.BouncyCastleProvider.class),
                "org.bouncycastle:bctls-jdk18on:" + versionOf(org.bouncycastle.tls.TlsClientProtocol.class),
                "org.bouncycastle:bcpkix-jdk18on:" + versionOf(org.bouncycastle.cert.X509CertificateHolder.class),
                "io.quarkus:quarkus-core:" + versionOf(io.quarkus.runtime.Application.class),
                "org.postgresql:postgresql:" + versionOf(org.postgresql.Driver.class));
        assertThat(components).as("test libraries are not shipped")
                .noneMatch(c -> c.startsWith("org.seleniumhq.selenium:") || c.startsWith("org.assertj:") || c.startsWith("net.jqwik:"));
        bom.get("components").forEach(c -> assertThat(c.has("hashes")).as(c.get("name").asText() + " has hashes").isTrue());
    }

    /** The version of the jar a class was loaded from, from its file name in the local repository (name-version.jar). */
    private static String versionOf(Class<?> type) throws URISyntaxException {
        Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getFileName().toString();
    }
}
