package org.openmaf.client.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.openmaf.client.MafClient;
import org.openmaf.client.MafClientSettings;
import org.openmaf.client.MafPskSettings;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every command that talks to the MAF shares: where it is and this client's mTLS identity. */
final class MafOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--maf", defaultValue = "https://localhost:8443", paramLabel = "URI",
            description = "MAF base URI (default: ${DEFAULT-VALUE})")
    URI maf;

    @Option(names = "--maf-fqdn", paramLabel = "FQDN",
            description = "MAF-FQDN of Key Identifiers; if given, sent as mafFQDN and checked (default: taken from the MAF's answers)")
    String mafFqdn;

    @Option(names = "--cert", paramLabel = "PEM", description = "this client's certificate chain (or --psk-identity)")
    Path certificate;

    @Option(names = "--key", paramLabel = "PEM", description = "this client's private key (PKCS#8 or SEC1)")
    Path key;

    @Option(names = "--ca", paramLabel = "PEM", description = "trust anchor(s) for the MAF's certificate (repeatable)")
    List<Path> trustAnchors;

    @Option(names = "--psk-identity", paramLabel = "KmID", description = "authenticate with a pre-provisioned Km instead of"
            + " a certificate (PSK-based MAF Handshake): the KmID <relative>@<MAF-FQDN>; --maf then names the MAF's PSK"
            + " listener, https://host:8444 by default")
    String pskIdentity;

    @Option(names = "--km-file", paramLabel = "FILE", description = "file holding Km as hex, with --psk-identity")
    Path kmFile;

    MafClientSettings settings() {
        return new MafClientSettings(maf, mafFqdn, certificate, key, trustAnchors);
    }

    MafClient client() throws IOException {
        if (pskIdentity != null || kmFile != null) {
            if (pskIdentity == null || kmFile == null || certificate != null) {
                throw new ParameterException(spec.commandLine(), "PSK authentication needs --psk-identity and --km-file,"
                        + " and no --cert");
            }
            byte[] km;
            try {
                km = HexFormat.of().parseHex(SecretFiles.read(kmFile));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--km-file must hold Km as hex");
            }
            try {
                return MafClient.createWithPsk(new MafPskSettings(maf, mafFqdn, pskIdentity, km, null));
            } finally {
                java.util.Arrays.fill(km, (byte) 0);
            }
        }
        if (certificate == null || key == null || trustAnchors == null || trustAnchors.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required options: --cert, --key and --ca"
                    + " (or --psk-identity and --km-file)");
        }
        return MafClient.create(settings());
    }
}
