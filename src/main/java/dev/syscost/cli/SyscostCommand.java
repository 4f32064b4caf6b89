package dev.syscost.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code syscost}: with no subcommand, measures this machine (the same as {@code syscost measure}).
 * Subcommands are registered by {@link Main#commandLine(String...)}, only the invoked one where it is
 * known, because building every command's model at start-up costs ~0.4 s of annotation reflection.
 */
@Command(name = "syscost",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "What crossing the user/kernel boundary costs on this machine, why, and what to do about it.",
            "",
            "With no command, runs `measure`: the cost ladder from a Java call to real syscalls, "
                + "its decomposition, and what on this machine's boundary path puts the cost there.",
        },
        footer = {"", "Exit codes: 0 ok, 1 the run failed (the message names the fix), 2 bad usage."})
public final class SyscostCommand implements Callable<Integer> {
    @Mixin
    MeasureOptions measure = new MeasureOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return MeasureCommand.run(measure, spec.commandLine().getOut());
    }
}
