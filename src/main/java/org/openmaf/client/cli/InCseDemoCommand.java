package org.openmaf.client.cli;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;

import org.openmaf.client.MafClient;
import org.openmaf.client.psk.InCseDemoServer;
import org.openmaf.client.psk.KeySource;
import org.openmaf.client.psk.MafKeyCache;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "in-cse-demo", description = {
        "A relying IN-CSE for the MAF-based SAEF: accepts TLS-PSK with MAF Key Identifiers, retrieves Kc from the MAF",
        "as a target client (its own --cert/--key), reads a line and answers with the authenticated source ID."})
final class InCseDemoCommand extends OutputCommand {

    @Mixin
    MafOptions maf;

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "listen address (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--key-cache-size", defaultValue = "10000", paramLabel = "N",
            description = "keys (and refused identities) the key cache holds at most (default ${DEFAULT-VALUE})")
    long keyCacheSize;

    @Option(names = "--unknown-key-ttl", defaultValue = "PT5S", paramLabel = "DURATION",
            description = "how long an identity the MAF refused is refused from the cache, ISO-8601 (default ${DEFAULT-VALUE})")
    Duration unknownKeyTtl;

    @Override
    public Integer call() throws Exception {
        if (maf.mafFqdn == null) {
            // the IN-CSE must know which MAF's Key Identifiers it resolves (TS-0003 8.2.2.3); no guessing from the URI
            throw new ParameterException(spec.commandLine(), "in-cse-demo needs --maf-fqdn: the MAF-FQDN of the Key Identifiers it accepts");
        }
        // The client keeps its retrieval connections to the MAF alive: one handshake per connection, not per key
        try (MafClient client = maf.client();
                InCseDemoServer server = InCseDemoServer.start(maf.mafFqdn, new MafKeyCache(KeySource.fromMaf(client),
                        Clock.systemUTC(), new MafKeyCache.Settings(keyCacheSize, unknownKeyTtl)), InetAddress.getByName(bind), port)) {
            out().println("IN-CSE demo listening on " + bind + ":" + server.port() + " for keys of MAF " + maf.mafFqdn);
            out().flush();
            nextStep("Started the IN-CSE demo", "from the AE: maf-client psk connect --host " + bind + " --port " + server.port()
                    + " --psk-identity-file FILE --psk-file FILE");
            server.awaitTermination();
        }
        return 0;
    }
}
