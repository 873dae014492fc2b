package org.openmaf.client.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Base of the leaf commands: the {@code --json} switch and the command line's own output stream. */
abstract class OutputCommand implements Callable<Integer> {

    @Option(names = "--json", description = "machine-readable JSON output; errors too, as {rsc, status, message} on stderr")
    boolean json;

    @Spec
    CommandSpec spec;

    Output output() {
        return new Output(out(), json);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * After a success, one line saying what was done and what comes next (as the step CLI does). On stderr, so stdout
     * stays the result alone, and not under {@code --json}, which scripts read.
     */
    void nextStep(String done, String next) {
        if (!json) {
            err().println(done + "; next: " + next);
            err().flush();
        }
    }
}
