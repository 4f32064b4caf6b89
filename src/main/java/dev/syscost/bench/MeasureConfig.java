package dev.syscost.bench;

import dev.syscost.InvalidSettingException;
import java.util.List;

/**
 * How to measure: trials per probe, the length of one trial, the warm-up budget, optional pinning,
 * which probes, and in how many fresh JVMs (forks). {@link #defaults()} fits the whole ladder in ≤ 30 s
 * on 2 cores; {@link #quickConfig()} in ≤ 5 s.
 *
 * <p>{@code trials} counts all trials of a probe; each fork runs {@link #trialsPerFork()} of them after
 * its own warm-up. Forks exist because a JVM's JIT decisions and code layout are fixed for its life:
 * trials within one JVM cannot show the variation between two runs, several JVMs can (JMH's forks).
 *
 * @param pinCpu the CPU to pin the measuring thread to, or -1 for no pinning
 * @param probes probe ids, or an empty list for all
 * @param forks  fresh JVMs to run the trials in; 1 runs them in this JVM (null, as in results written
 *               before forks existed, reads as 1)
 */
public record MeasureConfig(boolean quick, int trials, long trialTargetNs, long warmupMaxNs, int pinCpu,
                            boolean verifyKernelEntries, List<String> probes, Integer forks) {
    public static final int MAX_TRIALS = 1000;
    public static final int MAX_FORKS = 64;
    /** Forks of a default run: the fewest that show variation between JVMs. */
    public static final int DEFAULT_FORKS = 2;

    public MeasureConfig {
        InvalidSettingException.requireRange("trials", trials, 1, MAX_TRIALS);
        InvalidSettingException.requireRange("pinCpu", pinCpu, -1, 1023);
        forks = forks == null ? 1 : forks;
        InvalidSettingException.requireRange("forks", forks, 1, MAX_FORKS);
        probes = probes == null ? List.of() : List.copyOf(probes); // a file without the list ran them all
    }

    /** A configuration measured in this JVM only (one fork). */
    public MeasureConfig(boolean quick, int trials, long trialTargetNs, long warmupMaxNs, int pinCpu,
                         boolean verifyKernelEntries, List<String> probes) {
        this(quick, trials, trialTargetNs, warmupMaxNs, pinCpu, verifyKernelEntries, probes, 1);
    }

    /** 15 trials of 40 ms in 2 fresh JVMs (8 each), after 0.3–0.6 s of warm-up per probe in each. */
    public static MeasureConfig defaults() {
        return new MeasureConfig(false, 15, 40_000_000L, 600_000_000L, -1, true, List.of(), DEFAULT_FORKS);
    }

    /** 5 trials of 8 ms after 0.15–0.3 s of warm-up, in this JVM: coarse, and reports say so. */
    public static MeasureConfig quickConfig() {
        return new MeasureConfig(true, 5, 8_000_000L, 300_000_000L, -1, true, List.of(), 1);
    }

    /** Trials each fork runs: {@code trials} shared out, rounded up. */
    public int trialsPerFork() {
        return (trials + forks - 1) / forks;
    }

    /** The configuration one fork runs: its share of the trials, in its own JVM. */
    public MeasureConfig forOneFork() {
        return new MeasureConfig(quick, trialsPerFork(), trialTargetNs, warmupMaxNs, pinCpu, verifyKernelEntries, probes, 1);
    }

    public MeasureConfig withTrials(int n) {
        return new MeasureConfig(quick, n, trialTargetNs, warmupMaxNs, pinCpu, verifyKernelEntries, probes, forks);
    }

    public MeasureConfig withPinCpu(int cpu) {
        return new MeasureConfig(quick, trials, trialTargetNs, warmupMaxNs, cpu, verifyKernelEntries, probes, forks);
    }

    public MeasureConfig withProbes(List<String> ids) {
        return new MeasureConfig(quick, trials, trialTargetNs, warmupMaxNs, pinCpu, verifyKernelEntries, ids, forks);
    }

    public MeasureConfig withVerifyKernelEntries(boolean verify) {
        return new MeasureConfig(quick, trials, trialTargetNs, warmupMaxNs, pinCpu, verify, probes, forks);
    }

    public MeasureConfig withForks(Integer n) {
        return new MeasureConfig(quick, trials, trialTargetNs, warmupMaxNs, pinCpu, verifyKernelEntries, probes, n);
    }
}
