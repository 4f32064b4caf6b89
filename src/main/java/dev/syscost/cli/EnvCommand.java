package dev.syscost.cli;

import dev.syscost.env.Environment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syscost env}: what is on the boundary path here. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Shows what is on this machine's user/kernel boundary path: kernel, CPU, virtualisation, mitigations.")
public final class EnvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Environment.detect().summaryLines().forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
