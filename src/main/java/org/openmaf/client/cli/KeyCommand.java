package org.openmaf.client.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.openmaf.client.KeyRegistrationRequest;
import org.openmaf.client.MafClient;
import org.openmaf.client.RegisteredKey;
import org.openmaf.client.RetrievedKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "key", description = "MAF Key Registration, Retrieval, Update, De-Registration (TS-0003 8.8.2.7 to 8.8.2.10)",
        subcommands = {KeyCommand.Register.class, KeyCommand.Get.class, KeyCommand.Update.class, KeyCommand.Delete.class})
final class KeyCommand {

    @Command(name = "register", description = {
            "MAF Key Registration: Kc/KcID are exported from the registration's own TLS connection (TS-0003 10.3.1).",
            "Prints psk_identity (the Key Identifier) and psk (lowercase hex of Kc) for a TLS-PSK handshake."})
    static final class Register extends OutputCommand {
        @Mixin
        MafOptions maf;

        @Option(names = "--admin-fqdn", required = true)
        String adminFqdn;

        @Option(names = "--suid", defaultValue = "32", description = "Security Usage Identifier (default ${DEFAULT-VALUE}: MAF-based SAEF)")
        int suid;

        @Option(names = "--target", required = true, paramLabel = "ID", description = "target client ID, e.g. //my.m2mprovider.org/in-cse (repeatable)")
        List<String> targetIds;

        @Option(names = "--expiration-time", paramLabel = "TIME")
        Instant expirationTime;

        @Option(names = "--label", description = "label (repeatable)")
        List<String> labels;

        @Option(names = "--self-generated", paramLabel = "BYTES",
                description = "generate a random key of BYTES (16..64) here and register it as keyValue instead of exporting one")
        Integer selfGeneratedBytes;

        @Option(names = "--psk-identity-file", paramLabel = "FILE", description = "also write psk_identity to FILE (owner-only)")
        Path pskIdentityFile;

        @Option(names = "--psk-file", paramLabel = "FILE",
                description = "write psk to FILE (owner-only) instead of printing it")
        Path pskFile;

        @Override
        public Integer call() throws Exception {
            KeyRegistrationRequest request = new KeyRegistrationRequest(adminFqdn, suid, targetIds, expirationTime, labels);
            MafClient client = maf.client();
            RegisteredKey key;
            if (selfGeneratedBytes == null) {
                key = client.registerKey(request);
            } else {
                byte[] generated = new byte[selfGeneratedBytes];
                new SecureRandom().nextBytes(generated);
                key = client.registerOwnKey(request, generated);
            }
            String psk = HexFormat.of().formatHex(key.psk());
            if (pskIdentityFile != null) {
                SecretFiles.write(pskIdentityFile, key.keyIdentifier().toString());
            }
            Output output = output().field("psk_identity", key.keyIdentifier().toString());
            if (pskFile != null) {
                // A PSK in a file stays out of terminal scrollback and shell logs.
                SecretFiles.write(pskFile, psk);
                output.field("psk_file", pskFile.toString());
            } else {
                output.field("psk", psk);
            }
            RegistrationOutput.of(output, key.metadata()).print();
            String identity = pskIdentityFile != null ? "--psk-identity-file " + pskIdentityFile : "--psk-identity " + key.keyIdentifier();
            String secret = pskFile != null ? "--psk-file " + pskFile : "--psk PSK";
            nextStep("Registered key " + key.keyIdentifier() + " for " + String.join(", ", targetIds) 
                    + (key.expirationTime() == null ? "" : " until " + org.openmaf.wire.M2mTimestamp.format(key.expirationTime())),
                    "maf-client psk connect --host TARGET_HOST --port TARGET_PORT " + identity + " " + secret);
            return 0;
        }
    }

    @Command(name = "get", description = "MAF Key Retrieval: metadata; with --show-key (targets only) also the key value")
    static final class Get extends OutputCommand {
        @Mixin
        MafOptions maf;

        @Parameters(paramLabel = "KEY_ID", description = "RelativeKeyID or Key Identifier")
        String id;

        @Option(names = "--show-key", description = "retrieve as a target and print the key as psk (lowercase hex)")
        boolean showKey;

        @Override
        public Integer call() throws Exception {
            if (!showKey) {
                RegistrationOutput.of(output(), maf.client().retrieveKeyMetadata(id)).print();
                nextStep("Retrieved the metadata of key " + id, "maf-client key update " + id + " --expiration-time TIME");
                return 0;
            }
            RetrievedKey key = maf.client().retrieveKey(id);
            output().field("psk", HexFormat.of().formatHex(key.key()))
                    .field("sourceID", key.sourceId())
                    .field("adminFQDN", key.adminFqdn())
                    .field("suid", key.suid())
                    .field("targetIDs", key.targetIds())
                    .field("expirationTime", key.expirationTime())
                    .field("labels", key.labels())
                    .print();
            nextStep("Retrieved Kc of " + id + ", registered by " + key.sourceId(),
                    "accept TLS-PSK with psk_identity " + id + " and this psk until its expirationTime, e.g. maf-client in-cse-demo");
            return 0;
        }
    }

    @Command(name = "update", description = "MAF Key Registration Update: expiration time, labels, targets")
    static final class Update extends OutputCommand {
        @Mixin
        MafOptions maf;

        @Parameters(paramLabel = "KEY_ID")
        String id;

        @Option(names = "--expiration-time", paramLabel = "TIME")
        Instant expirationTime;

        @Option(names = "--label", description = "label (repeatable; replaces the labels)")
        List<String> labels;

        @Option(names = "--target", paramLabel = "ID", description = "target client ID (repeatable; replaces the targets)")
        List<String> targetIds;

        @Override
        public Integer call() throws Exception {
            RegistrationOutput.of(output(), maf.client().updateKey(id, expirationTime, labels, targetIds)).print();
            nextStep("Updated key " + id, "maf-client key get " + id);
            return 0;
        }
    }

    @Command(name = "delete", description = "MAF Key De-Registration")
    static final class Delete extends OutputCommand {
        @Mixin
        MafOptions maf;

        @Parameters(paramLabel = "KEY_ID")
        String id;

        @Override
        public Integer call() throws Exception {
            maf.client().deregisterKey(id);
            output().field("deleted", id).print();
            nextStep("De-registered key " + id + "; targets can no longer retrieve it",
                    "maf-client key register --admin-fqdn FQDN --target TARGET_ID for a new one");
            return 0;
        }
    }
}
