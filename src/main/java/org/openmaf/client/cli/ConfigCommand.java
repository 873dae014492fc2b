package org.openmaf.client.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.openmaf.client.MafClientConfiguration;
import org.openmaf.client.cli.ClientDefaults.Setting;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * Two kinds of configuration: {@code get} is the MAF's (MAF Client Configuration Retrieval, TS-0003 8.8.2.4); {@code set},
 * {@code unset}, {@code show} and {@code path} manage this client's own defaults file ({@link ClientDefaults}).
 */
@Command(name = "config", description = {"the MAF's client configuration (get) and this client's defaults (set, unset, show, path)",
        "get: MAF Client Configuration Retrieval (TS-0003 8.8.2.4);",
        "set/unset/show/path: this client's defaults file (flags and MAF_* variables take precedence)"},
        subcommands = {ConfigCommand.Get.class, ConfigCommand.Set.class, ConfigCommand.Unset.class, ConfigCommand.Show.class,
                ConfigCommand.PathCommand.class})
final class ConfigCommand {

    static final String NAMES = Arrays.stream(Setting.values()).map(setting -> setting.configKey).collect(Collectors.joining(", "));

    @Command(name = "get", description = "the configuration the MAF attaches to a registration (TS-0003 8.8.2.4)")
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
            if (cfg.keyRegistration() != null && cfg.keyRegistration().targetIds() != null
                    && !cfg.keyRegistration().targetIds().isEmpty()) {
                nextStep("Retrieved the MAF Client Configuration of " + id, "maf-client key register --admin-fqdn "
                        + cfg.keyRegistration().adminFqdn() + " --target " + cfg.keyRegistration().targetIds().getFirst());
            } else {
                nextStep("Retrieved the MAF Client Configuration of " + id,
                        "maf-client key register --admin-fqdn " + cfg.adminFqdn() + " --target TARGET_ID");
            }
            return 0;
        }
    }

    @Command(name = "set", description = {"store a default in the defaults file; file names are stored as absolute paths.",
            "NAME is one of: maf, maf-fqdn, cert, key, ca, p12, p12-password-file"})
    static final class Set extends OutputCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() throws Exception {
            Setting setting = setting(this, name);
            ClientDefaults defaults = defaults(this);
            defaults.store(setting, value);
            output().field(setting.configKey, defaults.fileSettings().get(setting.configKey)).print();
            nextStep("Saved " + setting.configKey + " in " + defaults.configFile(),
                    "maf-client config show (or any command without " + setting.option + ")");
            return 0;
        }
    }

    @Command(name = "unset", description = "remove a default from the defaults file")
    static final class Unset extends OutputCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            Setting setting = setting(this, name);
            ClientDefaults defaults = defaults(this);
            defaults.store(setting, null);
            output().field("removed", setting.configKey).print();
            nextStep("Removed " + setting.configKey + " from " + defaults.configFile(), "maf-client config show");
            return 0;
        }
    }

    @Command(name = "show", description = "the defaults in effect (from MAF_* variables and the defaults file) and where each comes from")
    static final class Show extends OutputCommand {
        @Override
        public Integer call() {
            ClientDefaults defaults = defaults(this);
            Map<String, Object> effective = new LinkedHashMap<>();
            for (Setting setting : Setting.values()) {
                defaults.value(setting).ifPresent(value -> effective.put(setting.configKey,
                        json ? Map.of("value", value.text(), "source", value.source()) : value.text() + "  (" + value.source() + ")"));
            }
            Output output = output();
            effective.forEach(output::field);
            output.field("configFile", defaults.configFile().toString()).print();
            nextStep("Showed " + effective.size() + " default(s)", effective.containsKey("cert") || effective.containsKey("p12")
                    ? "maf-client register --admin-fqdn FQDN" : "maf-client config set cert FILE (and key, ca) or p12");
            return 0;
        }
    }

    @Command(name = "path", description = "where the defaults file is ($MAF_CLIENT_CONFIG, $XDG_CONFIG_HOME or ~/.config)")
    static final class PathCommand extends OutputCommand {
        @Override
        public Integer call() {
            output().field("configFile", defaults(this).configFile().toString()).print();
            nextStep("This client's defaults file is " + defaults(this).configFile(), "maf-client config set NAME VALUE");
            return 0;
        }
    }

    private static Setting setting(OutputCommand command, String name) {
        return Setting.ofConfigKey(name).orElseThrow(() -> new ParameterException(command.spec.commandLine(),
                "unknown setting '" + name + "'; one of: " + NAMES));
    }

    private static ClientDefaults defaults(OutputCommand command) {
        return (ClientDefaults) command.spec.commandLine().getDefaultValueProvider();
    }
}
