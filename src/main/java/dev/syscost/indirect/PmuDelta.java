package dev.syscost.indirect;

import dev.syscost.indirect.PmuReport.PmuPerUnit;
import dev.syscost.sys.PmuCounters.Event;
import dev.syscost.sys.PmuCounters.Reading;
import java.util.Arrays;
import java.util.List;

/** The arithmetic of the PMU mode: group readings → counts per unit of work, IPC, and extra per syscall. */
final class PmuDelta {
    private PmuDelta() {}

    /**
     * Counts per unit between two readings of the same group, scaled by enabled/running time so that a
     * multiplexed group is extrapolated to the whole run (perf's own correction).
     */
    static PmuPerUnit perUnit(List<Event> events, Reading before, Reading after, long units) {
        if (before.values().length != events.size() || after.values().length != events.size()) {
            throw new IllegalArgumentException("a reading has " + after.values().length + " values for " + events.size() + " events");
        }
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive: " + units);
        }
        long enabled = after.timeEnabledNs() - before.timeEnabledNs();
        long running = after.timeRunningNs() - before.timeRunningNs();
        if (running <= 0) {
            throw new IllegalArgumentException("the group never ran (time running did not advance); too many counters for the PMU");
        }
        double scale = enabled / (double) running;
        double[] perUnit = new double[Event.values().length];
        Arrays.fill(perUnit, Double.NaN);
        for (int i = 0; i < events.size(); i++) {
            long delta = after.values()[i] - before.values()[i];
            perUnit[events.get(i).ordinal()] = delta * scale / units;
        }
        double cycles = perUnit[Event.CYCLES.ordinal()];
        double instructions = perUnit[Event.INSTRUCTIONS.ordinal()];
        double ipc = Double.isNaN(cycles) || Double.isNaN(instructions) || cycles == 0 ? Double.NaN : instructions / cycles;
        return new PmuPerUnit(box(cycles), box(instructions), box(ipc), box(perUnit[Event.L1D_MISSES.ordinal()]),
                box(perUnit[Event.LLC_MISSES.ordinal()]), box(perUnit[Event.DTLB_MISSES.ordinal()]),
                box(perUnit[Event.BRANCH_MISSES.ordinal()]), scale);
    }

    /** (with − without) × k for every count; IPC as the change in IPC (with − without). */
    static PmuPerUnit extraPerSyscall(PmuPerUnit without, PmuPerUnit with, int k) {
        return new PmuPerUnit(diff(with.cycles(), without.cycles(), k), diff(with.instructions(), without.instructions(), k),
                diff(with.ipc(), without.ipc(), 1), diff(with.l1dMisses(), without.l1dMisses(), k),
                diff(with.llcMisses(), without.llcMisses(), k), diff(with.dtlbMisses(), without.dtlbMisses(), k),
                diff(with.branchMisses(), without.branchMisses(), k), Math.max(with.multiplexScale(), without.multiplexScale()));
    }

    /** The per-field median of several per-unit samples (one per round). */
    static PmuPerUnit median(List<PmuPerUnit> samples) {
        return new PmuPerUnit(med(samples, PmuPerUnit::cycles), med(samples, PmuPerUnit::instructions),
                med(samples, PmuPerUnit::ipc), med(samples, PmuPerUnit::l1dMisses), med(samples, PmuPerUnit::llcMisses),
                med(samples, PmuPerUnit::dtlbMisses), med(samples, PmuPerUnit::branchMisses),
                samples.stream().mapToDouble(PmuPerUnit::multiplexScale).max().orElse(1));
    }

    private static Double med(List<PmuPerUnit> samples, java.util.function.Function<PmuPerUnit, Double> field) {
        double[] v = samples.stream().map(field).filter(x -> x != null).mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return null;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Double diff(Double with, Double without, int k) {
        return with == null || without == null ? null : (with - without) * k;
    }

    private static Double box(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
