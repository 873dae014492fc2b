package org.openmaf.client.cli;

import org.openmaf.client.MafClientConfiguration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = "MAF Client Configuration Retrieval (TS-0003 8.8.2.4)", subcommands = ConfigCommand.Get.class)
final class ConfigCommand {

    @Command(name = "get", description = "the configuration attached to a registration")
    static final class Get extends OutputCommand {
        @Mixin
        MafOptions maf;

        @Parameters(paramLabel = "MAF_CLIENT_REG_ID")
        String id;

        @Override
        public Integer call() throws Exception {
            MafClientConfiguration cfg = maf.client().retrieveConfiguration(id);
            Output output = output().field("fqdn", cfg.fqdn())
                    .field("adminFQDN", cfg.adminFqdn())
                    .field("httpPort", cfg.httpPort())
                    .field("expirationTime", cfg.expirationTime())
                    .field("labels", cfg.labels());
            if (cfg.keyRegistration() != null) {
                var keyCfg = cfg.keyRegistration();
                output.field("mafKeyRegCfg.adminFQDN", keyCfg.adminFqdn())
                        .field("mafKeyRegCfg.suid", keyCfg.suid())
                        .field("mafKeyRegCfg.targetIDs", keyCfg.targetIds())
                        .field("mafKeyRegCfg.expirationTime", keyCfg.expirationTime())
                        .field("mafKeyRegCfg.labels", keyCfg.labels());
            }
            output.print();
            return 0;
        }
    }
}
