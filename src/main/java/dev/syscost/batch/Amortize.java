package dev.syscost.batch;

import dev.syscost.batch.amortize.BatchSection;
import dev.syscost.batch.amortize.BreakEven;
import dev.syscost.batch.amortize.JavaApiSection;
import dev.syscost.batch.amortize.Measurements;
import dev.syscost.batch.amortize.ScratchDir;
import dev.syscost.batch.amortize.TargetKind;
import dev.syscost.batch.amortize.TargetSweep;
import dev.syscost.bench.MachineLoad;
import dev.syscost.env.Environment;
import dev.syscost.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code syscost amortize} as a library call: how much chunking, batched kernel interfaces and Java's
 * buffering buy at the user/kernel boundary, and from which chunk size the per-call cost stops mattering.
 */
public final class Amortize {
    private Amortize() {}

    /**
     * Runs every part of {@code config}; the temp directory is removed on return, on failure and on
     * JVM shutdown (Ctrl-C). Interrupting the calling thread stops the run between points.
     */
    public static AmortizeResult run(AmortizeConfig config, Progress progress) {
        long start = System.nanoTime();
        Environment env = Environment.detect();
        MachineLoad before = MachineLoad.sample();
        try (ScratchDir scratch = ScratchDir.create(config.tmpdir());
                Measurements m = Measurements.open(config.quick(), config.trials(), totalSteps(config), progress)) {
            List<TargetSweep> sweeps = new ArrayList<>();
            Map<String, BreakEven> breakEven = new TreeMap<>();
            if (config.parts().contains(AmortizePart.SWEEP)) {
                for (TargetKind kind : config.targets()) {
                    TargetSweep sweep = m.sweep(kind, config.sizesBytes(), scratch.path());
                    sweeps.add(sweep);
                    breakEven.put(sweep.name(), m.breakEven(sweep));
                }
            }
            List<BatchSection> batched = new ArrayList<>();
            if (config.parts().contains(AmortizePart.WRITEV)) {
                batched.add(m.writev(config.batchTarget(), config.vectorBatches(), scratch.path()));
            }
            if (config.parts().contains(AmortizePart.SENDMMSG)) {
                batched.add(m.sendmmsg(config.vectorBatches()));
            }
            if (config.parts().contains(AmortizePart.IO_URING)) {
                batched.add(m.ioUring(config.batchTarget(), false, config.ringBatches(), scratch.path()));
                batched.add(m.ioUring(config.batchTarget(), true, config.sqpollBatches(), scratch.path()));
            }
            JavaApiSection java = config.parts().contains(AmortizePart.JAVA) ? m.javaApis(scratch.path()) : null;
            List<String> warnings = new ArrayList<>(env.warnings());
            if (config.quick()) {
                warnings.add("quick mode: figures are indicative — the default's trial length and warm-up, but "
                        + config.trials() + " trials per point (default 61) and fewer points, so one busy moment weighs "
                        + "more; not yet shown within 15 % of the default run on a quiet machine (bench/quick-vs-default.sh);"
                        + " run without --quick for the figures");
            }
            warnings.addAll(m.warnings(sweeps, batched, java));
            warnings.addAll(MachineLoad.sample().since(before).warnings());
            AmortizeResult.Settings settings = new AmortizeResult.Settings(config.sizesBytes(),
                    config.targets().stream().map(TargetKind::id).toList(),
                    config.parts().stream().map(AmortizePart::id).toList(), config.batchTarget().id(),
                    config.trials(), m.trialMs(), config.quick());
            return new AmortizeResult(AmortizeResult.SCHEMA, env, settings, sweeps, breakEven, batched, java,
                    (System.nanoTime() - start) / 1e9, warnings);
        }
    }

    private static int totalSteps(AmortizeConfig c) {
        int steps = 0;
        if (c.parts().contains(AmortizePart.SWEEP)) {
            steps += c.targets().size() * c.sizesBytes().size();
        }
        if (c.parts().contains(AmortizePart.WRITEV)) {
            steps += 1 + c.vectorBatches().size();
        }
        if (c.parts().contains(AmortizePart.SENDMMSG)) {
            steps += 1 + c.vectorBatches().size();
        }
        if (c.parts().contains(AmortizePart.IO_URING)) {
            steps += c.ringBatches().size() + c.sqpollBatches().size();
        }
        if (c.parts().contains(AmortizePart.JAVA)) {
            steps += 10;
        }
        return steps;
    }
}
