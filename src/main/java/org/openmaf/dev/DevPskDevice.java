package org.openmaf.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openmaf.config.MafConfig;
import org.openmaf.tls.PskCredential;
import org.openmaf.tls.PskCredentials;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Dev mode only: one demo device with a pre-provisioned Km (contract section 8), so the PSK-based MAF Handshake can be
 * tried with OpenSSL at once. Km is random, kept beside the dev KEK so it survives restarts, and printed by
 * {@link DevModeBanner}: a development convenience that production never has.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevPskDevice {

    static final String RELATIVE_KM_ID = "DEMO-DEVICE";
    static final String CLIENT_ID = "//my.m2mprovider.org/psk-device-1";

    @Inject
    MafConfig config;

    @Inject
    PskCredentials credentials;

    String kmId() {
        return RELATIVE_KM_ID + "@" + config.fqdn();
    }

    /** Provisions the demo Km if it is not there yet; returns it as hex, the form {@code openssl s_client -psk} takes. */
    String ensure() {
        byte[] km = HexFormat.of().parseHex(demoKmHex(DevDefaults.HOME.resolve("secrets").resolve("demo-km.hex")));
        QuarkusTransaction.requiringNew().run(() -> {
            if (PskCredential.findByIdOptional(kmId()).isEmpty()) {
                credentials.provision(kmId(), CLIENT_ID, km, null, "dev-mode");
            }
        });
        return HexFormat.of().formatHex(km);
    }

    private static String demoKmHex(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] km = new byte[32];
                new SecureRandom().nextBytes(km);
                Files.createDirectories(file.getParent());
                Files.writeString(file, HexFormat.of().formatHex(km));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the dev demo Km under " + file, e);
        }
    }
}
