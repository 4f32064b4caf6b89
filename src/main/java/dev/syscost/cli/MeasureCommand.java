package dev.syscost.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syscost measure}: the cost ladder. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = "Measures the cost ladder on this machine: Java call → FFM downcall → vDSO → bare kernel entry → real syscalls.")
public final class MeasureCommand implements Callable<Integer> {
    @Mixin
    MeasureOptions options = new MeasureOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(options, spec.commandLine().getOut());
    }

    static int run(MeasureOptions options, PrintWriter out) {
        out.println("measure: not yet implemented");
        return 0;
    }
}
