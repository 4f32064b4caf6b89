package dev.syscost.batch;

import dev.syscost.batch.amortize.BatchSection;
import dev.syscost.batch.amortize.BreakEven;
import dev.syscost.batch.amortize.JavaApiSection;
import dev.syscost.batch.amortize.TargetSweep;
import dev.syscost.env.Environment;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code syscost amortize} (JSON schema {@code syscost.amortize/1}): per-target sweeps,
 * a {@code breakEven} entry per target, the batched interfaces, the Java APIs, and warnings.
 */
public record AmortizeResult(String schema, Environment env, Settings config, List<TargetSweep> targets,
        Map<String, BreakEven> breakEven, List<BatchSection> batched, JavaApiSection javaApis, double wallSeconds,
        List<String> warnings) {
    public static final String SCHEMA = "syscost.amortize/1";

    /** What was run, echoed into the result. */
    public record Settings(List<Long> sizesBytes, List<String> targets, List<String> parts, String batchTarget,
            int trials, double trialMs, boolean quick) {}
}
