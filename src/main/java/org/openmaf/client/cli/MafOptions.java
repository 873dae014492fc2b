package org.openmaf.client.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.openmaf.client.MafClient;
import org.openmaf.client.MafClientSettings;

import picocli.CommandLine.Option;

/** The options every command that talks to the MAF shares: where it is and this client's mTLS identity. */
final class MafOptions {

    @Option(names = "--maf", defaultValue = "https://localhost:8443", paramLabel = "URI",
            description = "MAF base URI (default: ${DEFAULT-VALUE})")
    URI maf;

    @Option(names = "--maf-fqdn", paramLabel = "FQDN",
            description = "MAF-FQDN of Key Identifiers; if given, sent as mafFQDN and checked (default: taken from the MAF's answers)")
    String mafFqdn;

    @Option(names = "--cert", required = true, paramLabel = "PEM", description = "this client's certificate chain")
    Path certificate;

    @Option(names = "--key", required = true, paramLabel = "PEM", description = "this client's private key (PKCS#8 or SEC1)")
    Path key;

    @Option(names = "--ca", required = true, paramLabel = "PEM", description = "trust anchor(s) for the MAF's certificate (repeatable)")
    List<Path> trustAnchors;

    MafClientSettings settings() {
        return new MafClientSettings(maf, mafFqdn, certificate, key, trustAnchors);
    }

    MafClient client() throws IOException {
        return MafClient.create(settings());
    }
}
