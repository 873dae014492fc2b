package org.openmaf.client.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where the options every MAF command shares come from when they are not on the command line, so that not every
 * command repeats {@code --maf --cert --key --ca}. Precedence: the flag, then the environment variable, then the config
 * file ({@code $MAF_CLIENT_CONFIG}, else {@code $XDG_CONFIG_HOME/maf-client/config.properties}, else
 * {@code ~/.config/maf-client/config.properties}), then the built-in default.
 */
final class ClientDefaults implements IDefaultValueProvider {

    static final String CONFIG_ENV = "MAF_CLIENT_CONFIG";

    /** One shared option: its flag, its environment variable, its key in the config file, and whether it names a file. */
    enum Setting {
        MAF("--maf", "MAF_URL", "maf", false),
        MAF_FQDN("--maf-fqdn", "MAF_FQDN", "maf-fqdn", false),
        CERT("--cert", "MAF_CERT", "cert", true),
        KEY("--key", "MAF_KEY", "key", true),
        CA("--ca", "MAF_CA", "ca", true),
        P12("--p12", "MAF_P12", "p12", true),
        P12_PASSWORD_FILE("--p12-password-file", "MAF_P12_PASSWORD_FILE", "p12-password-file", true);

        final String option;
        final String environmentVariable;
        final String configKey;
        final boolean file;

        Setting(String option, String environmentVariable, String configKey, boolean file) {
            this.option = option;
            this.environmentVariable = environmentVariable;
            this.configKey = configKey;
            this.file = file;
        }

        static Optional<Setting> ofOption(String option) {
            return Arrays.stream(values()).filter(setting -> setting.option.equals(option)).findFirst();
        }

        static Optional<Setting> ofConfigKey(String key) {
            return Arrays.stream(values()).filter(setting -> setting.configKey.equals(key)).findFirst();
        }
    }

    /** A default and where it came from, e.g. {@code environment MAF_CERT}; ranked so a flag beats env beats file. */
    record Value(String text, String source, int rank) {
        static final int COMMAND_LINE = 3;
        static final int ENVIRONMENT = 2;
        static final int CONFIG_FILE = 1;
    }

    private final Map<String, String> environment;
    private final Path configFile;
    private Properties config;

    ClientDefaults(Map<String, String> environment) {
        this.environment = environment;
        this.configFile = configFile(environment);
    }

    static Path configFile(Map<String, String> environment) {
        String explicit = environment.get(CONFIG_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return base.resolve("maf-client").resolve("config.properties");
    }

    Path configFile() {
        return configFile;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (argument instanceof OptionSpec option) {
            return Setting.ofOption(option.longestName()).flatMap(this::value).map(Value::text).orElse(null);
        }
        return null;
    }

    /** The environment's or config file's value of a setting, if either has one. */
    Optional<Value> value(Setting setting) {
        String fromEnvironment = environment.get(setting.environmentVariable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new Value(fromEnvironment, "environment " + setting.environmentVariable, Value.ENVIRONMENT));
        }
        String fromFile = config().getProperty(setting.configKey);
        if (fromFile != null && !fromFile.isBlank()) {
            return Optional.of(new Value(fromFile.strip(), "config file " + configFile, Value.CONFIG_FILE));
        }
        return Optional.empty();
    }

    /** The config file's settings, by key, sorted. */
    Map<String, String> fileSettings() {
        Map<String, String> settings = new TreeMap<>();
        config().forEach((key, value) -> settings.put(String.valueOf(key), String.valueOf(value)));
        return settings;
    }

    /** Sets ({@code value} non-null) or removes one setting in the config file, keeping the others. */
    void store(Setting setting, String value) throws IOException {
        Properties updated = new Properties();
        updated.putAll(config());
        if (value == null) {
            updated.remove(setting.configKey);
        } else {
            // A relative file name would mean something else from another working directory.
            updated.setProperty(setting.configKey, setting.file ? Path.of(value).toAbsolutePath().normalize().toString() : value);
        }
        Path parent = configFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        StringWriter text = new StringWriter();
        updated.store(text, "maf-client defaults (maf-client config set NAME VALUE); flags and MAF_* variables take precedence");
        SecretFiles.write(configFile, text.toString().strip());
        config = updated;
    }

    private Properties config() {
        if (config == null) {
            Properties read = new Properties();
            if (Files.isRegularFile(configFile)) {
                try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                    read.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the config file " + configFile + ": " + e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    // Properties.load reports a malformed \\uXXXX escape so
                    throw new UncheckedIOException("cannot read the config file " + configFile + ": " + e.getMessage(),
                            new IOException(e));
                }
            }
            config = read;
        }
        return config;
    }
}
