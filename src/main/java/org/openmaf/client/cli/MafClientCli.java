package org.openmaf.client.cli;

import java.io.PrintWriter;
import java.time.Instant;

import org.openmaf.wire.M2mTimestamp;
import org.openmaf.client.MafClientException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code maf-client}: the command line of the MAF client library and of the TLS-PSK demo peers. */
// scope INHERIT: every subcommand gets --help and --version too
@Command(name = "maf-client", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "maf-client 0.1.0",
        description = "oneM2M MAF client (TS-0003 clause 8.8) and MAF-based SAEF TLS-PSK tools (8.2.2.3)",
        subcommands = {RegisterCommand.class, RegistrationCommand.class, ConfigCommand.class, KeyCommand.class, PskCommand.class,
                InCseDemoCommand.class})
public final class MafClientCli {

    /** Exit status when the MAF refused a request or the operation failed. */
    static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command; the exit status is 0 on success, 1 on failure, 2 on a usage error. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new MafClientCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.registerConverter(Instant.class, M2mTimestamp::parseOrThrow);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            failed.getErr().println(describe(exception));
            failed.getErr().flush();
            return FAILED;
        });
        return commandLine.execute(args);
    }

    /** What a user needs to act on: the RSC and the MAF's own words, or the local failure. */
    static String describe(Exception exception) {
        if (exception instanceof MafClientException maf && maf.httpStatus() != MafClientException.LOCAL) {
            return "error: the MAF refused the request: RSC " + maf.rsc() + " (HTTP " + maf.httpStatus() + "): " + maf.mafMessage();
        }
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        return "error: " + message;
    }
}
