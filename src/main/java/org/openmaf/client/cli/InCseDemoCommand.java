package org.openmaf.client.cli;

import java.net.InetAddress;
import java.time.Clock;

import org.openmaf.client.MafClient;
import org.openmaf.client.psk.InCseDemoServer;
import org.openmaf.client.psk.KeySource;
import org.openmaf.client.psk.MafKeyCache;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Override
    public Integer call() throws Exception {
        MafClient client = maf.client();
        MafKeyCache keys = new MafKeyCache(KeySource.fromMaf(client), Clock.systemUTC());
        try (InCseDemoServer server = InCseDemoServer.start(client.settings().mafFqdn(), keys, InetAddress.getByName(bind), port)) {
            out().println("IN-CSE demo listening on " + bind + ":" + server.port() + " for keys of MAF " + client.settings().mafFqdn());
            out().flush();
            server.awaitTermination();
        }
        return 0;
    }
}
