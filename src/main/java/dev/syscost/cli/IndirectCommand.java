package dev.syscost.cli;

import dev.syscost.indirect.Indirect;
import dev.syscost.indirect.IndirectConfig;
import dev.syscost.indirect.IndirectResult;
import dev.syscost.indirect.SizeParser;
import dev.syscost.report.indirect.IndirectText;
import dev.syscost.progress.Progress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syscost indirect}: the cold-cache bill of a syscall. */
@Command(name = "indirect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures how much slower code runs after a syscall (caches, TLB and predictors disturbed),"
                + " beyond the syscall's direct cost and net of a spin control of equal length, per working set and rate.")
public final class IndirectCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "A coarse first look in under 10 s: working sets 16K,256K,4M; K 1,16; shorter runs.")
    boolean quick;

    @Option(names = "--working-sets", paramLabel = "LIST", split = ",", converter = ByteSizeConverter.class,
            description = "Working-set sizes, 16K..64M (K/M are 1024-based; default 16K,256K,4M,32M).")
    List<Long> workingSets;

    @Option(names = "--k", paramLabel = "LIST",
            description = "Units of work between syscalls, 1..1048576; 'never' is the baseline, always run (default 1,4,16,64,256,1024).")
    String ks;

    @Option(names = "--disturbers", paramLabel = "LIST",
            description = "Syscalls to interleave: getppid, pread_4k, sched_yield (default all).")
    String disturbers;

    @Option(names = "--workloads", paramLabel = "LIST",
            description = "chase (pointer chase) and/or branchy (chase + data-dependent branches) (default chase).")
    String workloads;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Most interleaved rounds per cell, 6..1000 (default 40, quick 30); fewer if the budget runs out.")
    Integer rounds;

    @Option(names = "--run-ms", paramLabel = "MS", description = "Target length of one timed run, 0.5..1000 ms (default 1, quick 0.5).")
    Double runMs;

    @Option(names = "--budget", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Stop starting rounds after this long, 1s..24h, once 6 are done (e.g. 90s or 2m; a bare number is seconds; default 48, quick 6.5).")
    Duration budget;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        IndirectConfig config = config().validate();
        output.check();
        IndirectResult result;
        try (Progress progress = Progress.forTerminal()) {
            result = Indirect.run(config, progress);
        }
        IndirectText.print(result, spec.commandLine().getOut());
        output.write(result);
        return 0;
    }

    IndirectConfig config() {
        IndirectConfig c = quick ? IndirectConfig.quickDefaults() : IndirectConfig.defaults();
        if (workingSets != null) {
            c = c.withWorkingSets(workingSets.stream().distinct().toList());
        }
        if (ks != null) {
            c = c.withKs(SizeParser.ks(ks));
        }
        if (disturbers != null) {
            c = c.withDisturbers(SizeParser.disturbers(disturbers));
        }
        if (workloads != null) {
            c = c.withWorkloads(SizeParser.workloads(workloads));
        }
        if (rounds != null) {
            c = c.withRounds(rounds);
        }
        if (runMs != null) {
            c = c.withRunMs(runMs);
        }
        if (budget != null) {
            c = c.withBudgetSec(budget.toNanos() / 1e9);
        }
        return c;
    }
}
