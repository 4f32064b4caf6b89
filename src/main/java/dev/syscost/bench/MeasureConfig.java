package dev.syscost.bench;

import dev.syscost.InvalidSettingException;
import java.util.List;

/**
 * How to measure: trials per probe, the length of one trial, the warm-up budget, optional pinning,
 * and which probes. {@link #defaults()} fits the whole ladder in ≤ 30 s on 2 cores; {@link #quick()} in ≤ 5 s.
 *
 * @param pinCpu the CPU to pin the measuring thread to, or -1 for no pinning
 * @param probes probe ids, or an empty list for all
 */
public record MeasureConfig(boolean quick, int trials, long trialTargetNs, long warmupMaxNs, int pinCpu,
                            boolean verifyKernelEntries, List<String> probes) {
    public static final int MAX_TRIALS = 1000;

    public MeasureConfig {
        InvalidSettingException.requireRange("trials", trials, 1, MAX_TRIALS);
        InvalidSettingException.requireRange("pinCpu", pinCpu, -1, 1023);
        probes = List.copyOf(probes);
    }

    /** 15 trials of 40 ms after 0.3–0.6 s of warm-up per probe. */
    public static MeasureConfig defaults() {
        return new MeasureConfig(false, 15, 40_000_000L, 600_000_000L, -1, true, List.of());
    }

    /** 5 trials of 8 ms after 0.15–0.3 s of warm-up: coarse, and reports say so. */
    public static MeasureConfig quickConfig() {
        return new MeasureConfig(true, 5, 8_000_000L, 300_000_000L, -1, true, List.of());
    }

    public MeasureConfig withTrials(int n) {
        return new MeasureConfig(quick, n, trialTargetNs, warmupMaxNs, pinCpu, verifyKernelEntries, probes);
    }

    public MeasureConfig withPinCpu(int cpu) {
        return new MeasureConfig(quick, trials, trialTargetNs, warmupMaxNs, cpu, verifyKernelEntries, probes);
    }

    public MeasureConfig withProbes(List<String> ids) {
        return new MeasureConfig(quick, trials, trialTargetNs, warmupMaxNs, pinCpu, verifyKernelEntries, ids);
    }

    public MeasureConfig withVerifyKernelEntries(boolean verify) {
        return new MeasureConfig(quick, trials, trialTargetNs, warmupMaxNs, pinCpu, verify, probes);
    }
}
