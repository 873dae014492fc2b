package org.openmaf.client.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

import org.openmaf.client.psk.PskClientConnection;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "psk", description = "the AE side of the MAF-based SAEF (TS-0003 8.2.2.3)", subcommands = PskCommand.Connect.class)
final class PskCommand {

    @Command(name = "connect", description = "TLS-PSK (TLS 1.2, TLS_PSK_WITH_AES_128_CBC_SHA256) to a relying CSE; send a line, print the reply")
    static final class Connect extends OutputCommand {

        @Option(names = "--host", defaultValue = "localhost")
        String host;

        @Option(names = "--port", required = true)
        int port;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Identity identity;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Psk psk;

        @Option(names = "--message", defaultValue = "hello")
        String message;

        @Option(names = "--timeout-seconds", defaultValue = "30")
        int timeoutSeconds;

        static final class Identity {
            @Option(names = "--psk-identity", required = true, description = "Key Identifier RelativeKeyID@MAF-FQDN")
            String value;

            @Option(names = "--psk-identity-file", required = true, paramLabel = "FILE")
            Path file;
        }

        static final class Psk {
            @Option(names = "--psk", required = true, description = "Kc as hex")
            String value;

            @Option(names = "--psk-file", required = true, paramLabel = "FILE", description = "file holding Kc as hex")
            Path file;
        }

        @Override
        public Integer call() throws Exception {
            String pskIdentity = identity.value != null ? identity.value : SecretFiles.read(identity.file);
            byte[] key = HexFormat.of().parseHex(psk.value != null ? psk.value.strip() : SecretFiles.read(psk.file));
            String reply = PskClientConnection.exchangeLine(host, port, pskIdentity, key, message, Duration.ofSeconds(timeoutSeconds));
            if (json) {
                output().field("reply", reply).print();
            } else {
                out().println(reply);
                out().flush();
            }
            nextStep("Exchanged one line with " + host + ":" + port + " over TLS-PSK as " + pskIdentity,
                    "the same key works until its expirationTime (maf-client key get " + pskIdentity + ")");
            return 0;
        }
    }
}
