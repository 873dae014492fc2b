package org.openmaf.client.cli;

import java.time.Instant;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "registration", description = "this client's MAF registration (TS-0003 8.8.2.5, 8.8.2.6)",
        subcommands = {RegistrationCommand.Get.class, RegistrationCommand.Update.class, RegistrationCommand.Delete.class})
final class RegistrationCommand {

    @Command(name = "get", description = "retrieve a registration")
    static final class Get extends OutputCommand {
        @Mixin
        MafOptions maf;

        @Parameters(paramLabel = "MAF_CLIENT_REG_ID")
        String id;

        @Override
        public Integer call() throws Exception {
            var registration = maf.client().retrieveRegistration(id);
            RegistrationOutput.of(output(), registration).print();
            nextStep("Retrieved registration " + id + " of " + registration.mafClientId(),
                    "maf-client registration update " + id + " --expiration-time TIME, or maf-client config get " + id);
            return 0;
        }
    }

    @Command(name = "update", description = "MAF Client Registration Update: expiration time and/or labels")
    static final class Update extends OutputCommand {
        @Mixin
        MafOptions maf;

        @Parameters(paramLabel = "MAF_CLIENT_REG_ID")
        String id;

        @Option(names = "--expiration-time", paramLabel = "TIME")
        Instant expirationTime;

        @Option(names = "--label", description = "label (repeatable; replaces the labels)")
        List<String> labels;

        @Override
        public Integer call() throws Exception {
            var registration = maf.client().updateRegistration(id, expirationTime, labels);
            RegistrationOutput.of(output(), registration).print();
            nextStep("Updated registration " + id, "maf-client registration get " + id);
            return 0;
        }
    }

    @Command(name = "delete", description = "MAF Client De-Registration")
    static final class Delete extends OutputCommand {
        @Mixin
        MafOptions maf;

        @Parameters(paramLabel = "MAF_CLIENT_REG_ID")
        String id;

        @Override
        public Integer call() throws Exception {
            maf.client().deregister(id);
            output().field("deleted", id).print();
            nextStep("De-registered " + id + " from the MAF", "maf-client register --admin-fqdn FQDN to register again");
            return 0;
        }
    }
}
