package org.openmaf.client.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints a shell completion script generated from the command model itself, so it never lags behind the commands and
 * options. picocli writes one script for bash that zsh runs through its bash compatibility (bashcompinit); the SHELL
 * argument is there so the command reads naturally and can diverge should zsh ever need its own.
 */
@Command(name = "completion", description = {"print a bash or zsh completion script: source <(maf-client completion bash)",
        "  source <(maf-client completion bash)       (bash: add to ~/.bashrc)",
        "  source <(maf-client completion zsh)        (zsh: add to ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {

    enum Shell {
        bash, zsh
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash or zsh (default ${DEFAULT-VALUE})")
    Shell shell;

    @Override
    public Integer call() {
        // One script for both: sourced by zsh it loads compinit and bashcompinit itself (it tests $ZSH_VERSION).
        spec.commandLine().getOut().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        // No next-step line here: the script is sourced at every shell start, which would print it every time.
        return 0;
    }
}
