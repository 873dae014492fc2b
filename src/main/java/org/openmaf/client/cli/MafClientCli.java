package org.openmaf.client.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openmaf.client.MafClientException;
import org.openmaf.wire.M2mTimestamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code maf-client}: the command line of the MAF client library and of the TLS-PSK demo peers. */
// scope INHERIT: every subcommand gets --help and --version too
@Command(name = "maf-client", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "maf-client 0.1.0",
        description = "oneM2M MAF client (TS-0003 clause 8.8) and MAF-based SAEF TLS-PSK tools (8.2.2.3)",
        subcommands = {RegisterCommand.class, RegistrationCommand.class, ConfigCommand.class, KeyCommand.class, PskCommand.class,
                InCseDemoCommand.class, CompletionCommand.class},
        footerHeading = "%nDefaults:%n",
        footer = {"Options not on the command line are read from environment variables, then",
                "from the config file, then built-in defaults:",
                "  --maf MAF_URL   --maf-fqdn MAF_FQDN   --cert MAF_CERT   --key MAF_KEY",
                "  --ca MAF_CA   --p12 MAF_P12   --p12-password-file MAF_P12_PASSWORD_FILE",
                "Config file: $MAF_CLIENT_CONFIG, else $XDG_CONFIG_HOME/maf-client/",
                "config.properties, else ~/.config/maf-client/config.properties;",
                "write it with: maf-client config set NAME VALUE",
                "%nExit status: 0 done, 1 failed here (files, TLS, network), 2 usage error;",
                "the MAF refused: 3 for 404, 4 for 403, 5 for 409, 6 other 4xx, 7 for 5xx.",
                "--json prints errors on stderr as {\"rsc\":4103,\"status\":403,\"message\":\"...\"}"})
public final class MafClientCli {

    /** Exit status when the operation failed on this side: files, TLS, network, an answer breaking the contract. */
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    static final int FORBIDDEN = 4;
    static final int CONFLICT = 5;
    static final int REFUSED = 6;
    static final int MAF_ERROR = 7;

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command with this process's environment; see {@link #exitStatus} for the status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs one command; {@code environment} supplies the MAF_* defaults and locates the config file. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new MafClientCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.registerConverter(Instant.class, M2mTimestamp::parseOrThrow);
        ClientDefaults defaults = new ClientDefaults(environment);
        boolean json = Arrays.asList(args).contains("--json");
        try {
            defaults.fileSettings(); // read the config file now, so an unreadable one is reported like any failure
        } catch (java.io.UncheckedIOException e) {
            err.println(json ? errorJson(null, e.getMessage()) : "error: " + e.getMessage());
            err.flush();
            return FAILED;
        }
        commandLine.setDefaultValueProvider(defaults);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            PrintWriter failed = exception.getCommandLine().getErr();
            if (json) {
                failed.println(errorJson(null, exception.getMessage()));
            } else {
                failed.println(exception.getMessage());
                if (!CommandLine.UnmatchedArgumentException.printSuggestions(exception, failed)) {
                    failed.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
                }
            }
            failed.flush();
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            boolean jsonOutput = failed.getCommand() instanceof OutputCommand command && command.json;
            failed.getErr().println(jsonOutput ? errorJson(exception instanceof MafClientException maf ? maf : null, describeLocal(exception))
                    : describe(exception));
            failed.getErr().flush();
            return exitStatus(exception);
        });
        return commandLine.execute(args);
    }

    /** Scripts can tell the MAF's refusals apart without parsing messages: a status per HTTP answer class. */
    static int exitStatus(Exception exception) {
        if (!(exception instanceof MafClientException maf) || maf.httpStatus() == MafClientException.LOCAL) {
            return FAILED;
        }
        return switch (maf.httpStatus()) {
            case 404 -> NOT_FOUND;
            case 403 -> FORBIDDEN;
            case 409 -> CONFLICT;
            default -> maf.httpStatus() >= 400 && maf.httpStatus() < 500 ? REFUSED : MAF_ERROR;
        };
    }

    /** What a user needs to act on: the RSC and the MAF's own words, or the local failure. */
    static String describe(Exception exception) {
        if (exception instanceof MafClientException maf && maf.httpStatus() != MafClientException.LOCAL) {
            return "error: the MAF refused the request: RSC " + maf.rsc() + " (HTTP " + maf.httpStatus() + "): " + maf.mafMessage();
        }
        return "error: " + describeLocal(exception);
    }

    private static String describeLocal(Exception exception) {
        if (exception instanceof MafClientException maf) {
            return maf.mafMessage();
        }
        return exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
    }

    /**
     * {@code {"rsc":4103,"status":403,"message":"..."}} when the MAF answered; only {@code message} when the failure was
     * on this side (no RSC or HTTP status to report).
     */
    static String errorJson(MafClientException maf, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (maf != null && maf.httpStatus() != MafClientException.LOCAL) {
            error.put("rsc", maf.rsc());
            error.put("status", maf.httpStatus());
        }
        error.put("message", message);
        try {
            return JSON.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
