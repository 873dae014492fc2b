package org.openmaf.client.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.openmaf.client.MafClient;
import org.openmaf.client.MafClientSettings;
import org.openmaf.client.MafPskSettings;
import org.openmaf.client.cli.ClientDefaults.Setting;
import org.openmaf.client.cli.ClientDefaults.Value;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command that talks to the MAF shares: where it is and this client's mTLS identity, PEM
 * ({@code --cert}/{@code --key}) or PKCS#12 ({@code --p12}). Each may come from a flag, a MAF_* environment variable or
 * the config file ({@link ClientDefaults}); none is required on the command line.
 */
final class MafOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--maf", defaultValue = "https://localhost:8443", paramLabel = "URI",
            description = "MAF base URI (env MAF_URL, config maf; default: ${DEFAULT-VALUE})")
    URI maf;

    @Option(names = "--maf-fqdn", paramLabel = "FQDN",
            description = "MAF-FQDN of Key Identifiers; if given, sent as mafFQDN and checked (env MAF_FQDN, config maf-fqdn;"
                    + " default: taken from the MAF's answers)")
    String mafFqdn;

    @Option(names = "--cert", paramLabel = "PEM", description = "this client's certificate chain (env MAF_CERT, config cert)")
    Path certificate;

    @Option(names = "--key", paramLabel = "PEM", description = "this client's private key, PKCS#8 or SEC1 (env MAF_KEY, config key)")
    Path key;

    @Option(names = "--p12", paramLabel = "FILE",
            description = "this client's certificate chain and key as PKCS#12, instead of --cert/--key (env MAF_P12, config p12)")
    Path pkcs12;

    @Option(names = "--p12-password-file", paramLabel = "FILE",
            description = "file whose first line is the PKCS#12 password (env MAF_P12_PASSWORD_FILE, config p12-password-file)")
    Path pkcs12PasswordFile;

    @Option(names = "--ca", paramLabel = "PEM",
            description = "trust anchor(s) for the MAF's certificate; repeatable, a file may hold several (env MAF_CA, config ca)")
    List<Path> trustAnchors;

    @Option(names = "--psk-identity", paramLabel = "KmID", description = "authenticate with a pre-provisioned Km instead of"
            + " a certificate (PSK-based MAF Handshake): the KmID <relative>@<MAF-FQDN>; --maf then names the MAF's PSK"
            + " listener, https://host:8444 by default")
    String pskIdentity;

    @Option(names = "--km-file", paramLabel = "FILE", description = "file holding Km as hex, with --psk-identity")
    Path kmFile;

    MafClientSettings settings() {
        if (trustAnchors == null || trustAnchors.isEmpty()) {
            throw missing("no trust anchor for the MAF's certificate: give --ca FILE, set MAF_CA, or `maf-client config set ca FILE`");
        }
        if (usesPkcs12()) {
            if (pkcs12PasswordFile == null) {
                throw missing("--p12 needs --p12-password-file (or MAF_P12_PASSWORD_FILE, or `maf-client config set p12-password-file FILE`)");
            }
            return MafClientSettings.withPkcs12(maf, mafFqdn, pkcs12, pkcs12PasswordFile, trustAnchors);
        }
        if (certificate == null || key == null) {
            throw missing("no client certificate: give --cert FILE --key FILE or --p12 FILE, set MAF_CERT/MAF_KEY or MAF_P12,"
                    + " or `maf-client config set cert FILE` (see maf-client --help)");
        }
        return new MafClientSettings(maf, mafFqdn, certificate, key, trustAnchors);
    }

    MafClient client() throws IOException {
        if (pskIdentity != null || kmFile != null) {
            return pskClient();
        }
        return MafClient.create(settings());
    }

    /** PSK-based MAF Handshake (contract section 8): a certificate given on the command line as well is a usage error. */
    private MafClient pskClient() throws IOException {
        boolean certificateGiven = mixee.commandLine().getParseResult().hasMatchedOption("--cert")
                || mixee.commandLine().getParseResult().hasMatchedOption("--p12");
        if (pskIdentity == null || kmFile == null || certificateGiven) {
            throw missing("PSK authentication needs --psk-identity and --km-file, and no --cert or --p12");
        }
        byte[] km;
        try {
            km = HexFormat.of().parseHex(SecretFiles.read(kmFile));
        } catch (IllegalArgumentException e) {
            throw missing("--km-file must hold Km as hex");
        }
        try {
            return MafClient.createWithPsk(new MafPskSettings(maf, mafFqdn, pskIdentity, km, null));
        } finally {
            Arrays.fill(km, (byte) 0);
        }
    }

    /**
     * PKCS#12 or PEM: the one given with the higher precedence (flag, then environment, then config file), so a
     * {@code --p12} flag overrides a PEM pair from the config file and vice versa. Both at one level is a usage error.
     */
    private boolean usesPkcs12() {
        if (pkcs12 == null) {
            return false;
        }
        if (certificate == null && key == null) {
            return true;
        }
        int p12Rank = rank(Setting.P12);
        int pemRank = Math.max(certificate == null ? 0 : rank(Setting.CERT), key == null ? 0 : rank(Setting.KEY));
        if (p12Rank == pemRank) {
            throw missing("give either --p12 or --cert/--key, not both");
        }
        return p12Rank > pemRank;
    }

    private int rank(Setting setting) {
        if (mixee.commandLine().getParseResult().hasMatchedOption(setting.option)) {
            return Value.COMMAND_LINE;
        }
        return defaults().flatMap(defaults -> defaults.value(setting)).map(Value::rank).orElse(0);
    }

    private Optional<ClientDefaults> defaults() {
        return mixee.commandLine().getDefaultValueProvider() instanceof ClientDefaults defaults ? Optional.of(defaults) : Optional.empty();
    }

    private ParameterException missing(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
