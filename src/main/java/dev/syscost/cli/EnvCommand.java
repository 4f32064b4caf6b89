package dev.syscost.cli;

import dev.syscost.env.EnvResult;
import dev.syscost.env.Environment;
import dev.syscost.report.env.EnvText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code syscost env}: what is on the boundary path here. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Shows what is on this machine's user/kernel boundary path: kernel, CPU, virtualisation and"
                + " sandbox, every CPU-vulnerability mitigation and what it does on the syscall path, PTI/PCID,"
                + " vDSO and clocksource, and what can be observed (perf, tracefs, hardware counters)."
                + " --json FILE writes schema syscost.env/1.")
public final class EnvCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        output.check();
        Environment env = Environment.detect();
        EnvText.print(env, spec.commandLine().getOut());
        output.write(EnvResult.of(env));
        return 0;
    }
}
