package dev.syscost.indirect;

import dev.syscost.InvalidSettingException;
import java.util.List;

/**
 * What {@link Indirect#run} measures: working sets × disturbance intervals K × disturbers × workloads,
 * each cell in {@code rounds} interleaved rounds of {@code runMs}-long timed runs. The baseline (K = never)
 * is always measured.
 *
 * @param workingSetsBytes working-set sizes, 16 KiB..64 MiB, multiples of 64
 * @param ks units of work between two disturbances, 1..1048576
 * @param rounds the most interleaved rounds per cell, 6..1000 (6 or more give a ≥95% interval)
 * @param runMs the target length of one timed run, 0.5..1000 ms
 * @param budgetSec rounds stop once the next would end after this many seconds (but never before 6)
 * @param pin pin the measuring thread to the CPU it starts on
 * @param seed the seed of the random permutations and of the run order
 */
public record IndirectConfig(List<Long> workingSetsBytes, List<Integer> ks, List<Disturber> disturbers,
                             List<Workload> workloads, int rounds, double runMs, double budgetSec, boolean quick,
                             boolean pin, long seed) {
    /** Fewer rounds than this give no 95% interval for a median. */
    public static final int MIN_ROUNDS = 6;
    public static final long MIN_WORKING_SET_BYTES = 16L << 10;
    public static final long MAX_WORKING_SET_BYTES = 64L << 20;
    public static final int MAX_K = 1 << 20;

    public IndirectConfig {
        workingSetsBytes = List.copyOf(workingSetsBytes);
        ks = List.copyOf(ks);
        disturbers = List.copyOf(disturbers);
        workloads = List.copyOf(workloads);
    }

    /** The default grid: about a minute on a 2-core VM. */
    public static IndirectConfig defaults() {
        return new IndirectConfig(List.of(16L << 10, 256L << 10, 4L << 20, 32L << 20), List.of(1, 4, 16, 64, 256, 1024),
                List.of(Disturber.values()), List.of(Workload.CHASE), 40, 1.0, 48, false, true, 0x5EED);
    }

    /** A coarse grid for a first look in under ten seconds. */
    public static IndirectConfig quickDefaults() {
        return new IndirectConfig(List.of(16L << 10, 256L << 10, 4L << 20), List.of(1, 16),
                List.of(Disturber.values()), List.of(Workload.CHASE), 30, 0.5, 6.5, true, true, 0x5EED);
    }

    public IndirectConfig withWorkingSets(List<Long> v) {
        return new IndirectConfig(v, ks, disturbers, workloads, rounds, runMs, budgetSec, quick, pin, seed);
    }

    public IndirectConfig withKs(List<Integer> v) {
        return new IndirectConfig(workingSetsBytes, v, disturbers, workloads, rounds, runMs, budgetSec, quick, pin, seed);
    }

    public IndirectConfig withDisturbers(List<Disturber> v) {
        return new IndirectConfig(workingSetsBytes, ks, v, workloads, rounds, runMs, budgetSec, quick, pin, seed);
    }

    public IndirectConfig withWorkloads(List<Workload> v) {
        return new IndirectConfig(workingSetsBytes, ks, disturbers, v, rounds, runMs, budgetSec, quick, pin, seed);
    }

    public IndirectConfig withRounds(int v) {
        return new IndirectConfig(workingSetsBytes, ks, disturbers, workloads, v, runMs, budgetSec, quick, pin, seed);
    }

    public IndirectConfig withRunMs(double v) {
        return new IndirectConfig(workingSetsBytes, ks, disturbers, workloads, rounds, v, budgetSec, quick, pin, seed);
    }

    public IndirectConfig withBudgetSec(double v) {
        return new IndirectConfig(workingSetsBytes, ks, disturbers, workloads, rounds, runMs, v, quick, pin, seed);
    }

    /** Checks every range; throws {@link InvalidSettingException} naming the setting, the rule and the value. */
    public IndirectConfig validate() {
        requireNonEmpty("workingSetsBytes", workingSetsBytes);
        if (ks.isEmpty()) {
            throw new InvalidSettingException("ks", "needs at least one value besides never (the baseline is always measured);",
                    null, "1,16,256");
        }
        requireNonEmpty("disturbers", disturbers);
        requireNonEmpty("workloads", workloads);
        for (long ws : workingSetsBytes) {
            InvalidSettingException.requireRange("workingSetsBytes", ws, MIN_WORKING_SET_BYTES, MAX_WORKING_SET_BYTES);
            if (ws % ChaseTable.LINE_BYTES != 0) {
                throw new InvalidSettingException("workingSetsBytes", "must be a multiple of 64 bytes", Long.toString(ws));
            }
        }
        for (int k : ks) {
            InvalidSettingException.requireRange("ks", k, 1, MAX_K);
        }
        InvalidSettingException.requireRange("rounds", rounds, MIN_ROUNDS, 1000);
        if (!(budgetSec >= 1 && budgetSec <= 86400)) {
            throw new InvalidSettingException("budgetSec", "must be between 1 and 86400 seconds", Double.toString(budgetSec));
        }
        if (!(runMs >= 0.5 && runMs <= 1000)) {
            throw new InvalidSettingException("runMs", "must be between 0.5 and 1000", Double.toString(runMs));
        }
        return this;
    }

    private static void requireNonEmpty(String setting, List<?> values) {
        if (values.isEmpty()) {
            throw new InvalidSettingException(setting, "needs at least one value", null);
        }
    }
}
