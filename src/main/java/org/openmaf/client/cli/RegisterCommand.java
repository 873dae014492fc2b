package org.openmaf.client.cli;

import java.time.Instant;
import java.util.List;

import org.openmaf.client.MafClientRegistration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "register", description = "MAF Client Registration (TS-0003 8.8.2.3)")
final class RegisterCommand extends OutputCommand {

    @Mixin
    MafOptions maf;

    @Option(names = "--admin-fqdn", required = true, description = "administrating stakeholder")
    String adminFqdn;

    @Option(names = "--expiration-time", paramLabel = "TIME", description = "e.g. 20261122T183000 (UTC)")
    Instant expirationTime;

    @Option(names = "--label", description = "label (repeatable)")
    List<String> labels;

    @Override
    public Integer call() throws Exception {
        MafClientRegistration registration = maf.client().register(adminFqdn, expirationTime, labels);
        RegistrationOutput.of(output(), registration).print();
        nextStep("Registered " + registration.mafClientId() + " with the MAF " + registration.mafFqdn() + " for stakeholder "
                + registration.adminFqdn() + " as " + registration.mafClientRegId(),
                "maf-client key register --admin-fqdn " + registration.adminFqdn() + " --target TARGET_ID");
        return 0;
    }
}
