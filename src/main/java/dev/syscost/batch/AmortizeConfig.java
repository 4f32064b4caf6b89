package dev.syscost.batch;

import dev.syscost.InvalidSettingException;
import dev.syscost.batch.amortize.TargetKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code syscost amortize} measures: chunk sizes and targets for the sweep, which parts run, the
 * target of the batched-interface comparisons, trials per point, and where the page-cache file lives.
 */
public record AmortizeConfig(List<Long> sizesBytes, List<TargetKind> targets, Set<AmortizePart> parts,
        TargetKind batchTarget, int trials, boolean quick, Path tmpdir) {
    /** The largest chunk a user may ask for. */
    public static final long MAX_SIZE_BYTES = 1L << 30;

    public AmortizeConfig {
        if (sizesBytes.isEmpty()) {
            throw new InvalidSettingException("sizesBytes", "needs at least one size,", null, "1,64,4k,1m");
        }
        sizesBytes.forEach(s -> InvalidSettingException.requireRange("sizesBytes", s, 1, MAX_SIZE_BYTES));
        sizesBytes = sizesBytes.stream().distinct().sorted().toList();
        if (targets.isEmpty()) {
            throw new InvalidSettingException("targets", "needs at least one target; choose from devnull, pipe, file, socketpair, tcp", null);
        }
        targets = List.copyOf(targets);
        parts = parts.isEmpty() ? EnumSet.allOf(AmortizePart.class) : EnumSet.copyOf(parts);
        InvalidSettingException.requireRange("trials", trials, 1, 1000);
    }

    /** The full run: 1 B to 1 MiB in powers of two on every target, every part, 61 trials of ~1 ms per point. */
    public static AmortizeConfig defaults() {
        return new AmortizeConfig(powers(2), List.of(TargetKind.values()), EnumSet.allOf(AmortizePart.class),
                TargetKind.DEVNULL, 61, false, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The ≤ 10 s run: 1 B to 1 MiB in powers of four, fewer batch sizes, 15 trials per point, each as long as the default's, after the same warm-up. */
    public static AmortizeConfig quickDefaults() {
        return new AmortizeConfig(powers(4), List.of(TargetKind.values()), EnumSet.allOf(AmortizePart.class),
                TargetKind.DEVNULL, 15, true, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public AmortizeConfig withSizes(List<Long> sizes) {
        return new AmortizeConfig(sizes, targets, parts, batchTarget, trials, quick, tmpdir);
    }

    public AmortizeConfig withTargets(List<TargetKind> t) {
        return new AmortizeConfig(sizesBytes, t, parts, batchTarget, trials, quick, tmpdir);
    }

    public AmortizeConfig withParts(Set<AmortizePart> p) {
        return new AmortizeConfig(sizesBytes, targets, p, batchTarget, trials, quick, tmpdir);
    }

    public AmortizeConfig withBatchTarget(TargetKind t) {
        return new AmortizeConfig(sizesBytes, targets, parts, t, trials, quick, tmpdir);
    }

    public AmortizeConfig withTrials(int n) {
        return new AmortizeConfig(sizesBytes, targets, parts, batchTarget, n, quick, tmpdir);
    }

    public AmortizeConfig withTmpdir(Path dir) {
        return new AmortizeConfig(sizesBytes, targets, parts, batchTarget, trials, quick, dir);
    }

    /** 1 B to 1 MiB, each {@code factor} times the last. */
    static List<Long> powers(int factor) {
        List<Long> sizes = new ArrayList<>();
        for (long s = 1; s <= 1 << 20; s *= factor) {
            sizes.add(s);
        }
        return sizes;
    }

    /** Batch sizes for writev and sendmmsg: 1…1024 (fewer when quick). */
    List<Integer> vectorBatches() {
        return quick ? List.of(1, 16, 256, 1024) : List.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024);
    }

    /** io_uring submissions per batch: 1…256 (fewer when quick). */
    List<Integer> ringBatches() {
        return quick ? List.of(1, 16, 256) : List.of(1, 2, 4, 8, 16, 32, 64, 128, 256);
    }

    /** io_uring SQPOLL batches: a few, since the poller takes a core while awake. */
    List<Integer> sqpollBatches() {
        return List.of(1, 16, 256);
    }
}
