package dev.syscost.indirect;

import dev.syscost.indirect.PmuReport.PmuPerUnit;
import dev.syscost.progress.Progress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The measurement proper. Each round visits every (workload, working set) group in random order: one
 * untimed pass over its table, then each of its cells in random order, and for each cell its five
 * measurements back to back in random order: the run with syscalls, the run with the spin control, the
 * run with neither (same clock cadence), and the direct cost of the syscall and of the spin. The answer
 * is a difference within one cell's round, so slow drift on this shared machine cancels; the median over
 * rounds and its interval come from {@link CellEstimates}.
 */
final class Rounds {
    /** One group: a workload on one table, with its cells. */
    record Group(Workload workload, ChaseTable table, List<CellSamples> cells) {}

    /** Calls per timed chunk of a direct-cost measurement: one, so the median is per call like a run's is per interval. */
    static final int CALLS_PER_CHUNK = 1;

    private final Schedule schedule;
    private final PmuSession pmu;
    private final Map<Disturber, Integer> spinIterations;
    private final Map<Disturber, Integer> directChunks;
    private final Random order;
    private final double runNs;
    private long[] intervals;
    private long[] calls;
    private final Intervals robust = new Intervals();

    Rounds(Schedule schedule, PmuSession pmu, Map<Disturber, Integer> spinIterations, Map<Disturber, Integer> directChunks,
           List<Group> groups, double runNs, long seed) {
        this.runNs = runNs;
        this.schedule = schedule;
        this.pmu = pmu;
        this.spinIterations = spinIterations;
        this.directChunks = directChunks;
        this.order = new Random(seed);
        int most = directChunks.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        for (Group g : groups) {
            for (CellSamples c : g.cells()) {
                most = Math.max(most, c.intervalsPerRun());
            }
        }
        this.intervals = new long[most];
        this.calls = new long[most];
    }

    /**
     * Runs up to {@code maxRounds} rounds over all groups, stopping early (never before {@code minRounds})
     * when another round would end after {@code deadlineNs}; returns the rounds run.
     */
    int run(List<Group> groups, int maxRounds, int minRounds, long deadlineNs, Progress progress) {
        List<Group> shuffled = new ArrayList<>(groups);
        int r = 0;
        long roundNs = 0;
        for (; r < maxRounds; r++) {
            long start = System.nanoTime();
            if (r >= minRounds && start + roundNs > deadlineNs) {
                break;
            }
            Collections.shuffle(shuffled, order);
            for (int gi = 0; gi < shuffled.size(); gi++) {
                Group g = shuffled.get(gi);
                progress.step(r + 1, maxRounds, "round", g.workload().id() + " " + SizeParser.label(g.table().workingSetBytes)
                        + " (" + (gi + 1) + "/" + shuffled.size() + ")");
                // One pass first, so the first measured run does not pay for the previous group's eviction.
                schedule.pass(g.workload(), g.table(), Math.max(1, g.table().lines / Schedule.STEPS_PER_UNIT));
                List<CellSamples> cells = new ArrayList<>(g.cells());
                Collections.shuffle(cells, order);
                for (CellSamples c : cells) {
                    runCell(c, r);
                }
            }
            retuneSpin(groups, r);
            roundNs = System.nanoTime() - start;
        }
        return r;
    }

    /**
     * Rescales each spin to this round's median direct cost: a syscall's cost drifts on a shared machine
     * (and settles after the first rounds), and the control should keep matching it. Each round still
     * subtracts its own measured difference of the two direct costs.
     */
    private void retuneSpin(List<Group> groups, int r) {
        for (Map.Entry<Disturber, Integer> e : spinIterations.entrySet()) {
            double[] sys = groups.stream().flatMap(g -> g.cells().stream()).filter(c -> c.disturber == e.getKey())
                    .mapToDouble(c -> c.directSysNs[r]).sorted().toArray();
            double[] spin = groups.stream().flatMap(g -> g.cells().stream()).filter(c -> c.disturber == e.getKey())
                    .mapToDouble(c -> c.directSpinNs[r]).sorted().toArray();
            if (sys.length > 0) {
                double ratio = sys[sys.length / 2] / spin[spin.length / 2];
                e.setValue((int) Math.max(1, Math.round(e.getValue() * ratio)));
            }
        }
    }

    private void runCell(CellSamples c, int r) {
        List<Integer> steps = new ArrayList<>(List.of(0, 1, 2, 3, 4));
        Collections.shuffle(steps, order);
        int spin = spinIterations.get(c.disturber);
        for (int step : steps) {
            switch (step) {
                case 0 -> {
                    c.sysNsPerUnit[r] = timed(c, Schedule.modeOf(c.disturber), 0, c.pmuWith);
                    c.sysCallNs[r] = robust.median(calls, c.intervalsPerRun());
                }
                case 1 -> {
                    c.spinNsPerUnit[r] = timed(c, Schedule.MODE_SPIN, spin, null);
                    c.spinCallNs[r] = robust.median(calls, c.intervalsPerRun());
                }
                case 2 -> c.baseNsPerUnit[r] = timed(c, Schedule.MODE_NONE, 0, c.pmuWithout);
                case 3 -> c.directSysNs[r] = direct(c.disturber, Schedule.modeOf(c.disturber), 0);
                default -> c.directSpinNs[r] = direct(c.disturber, Schedule.MODE_SPIN, spin);
            }
        }
        c.minIntervals = Math.min(c.minIntervals, c.intervalsPerRun());
        c.units = Grid.unitsFor(runNs, c.sysNsPerUnit[r], c.k);
    }

    /** One run of the cell's schedule in {@code mode}; ns per unit of its median interval. */
    private double timed(CellSamples c, int mode, int spin, List<PmuPerUnit> counters) {
        if (intervals.length < c.intervalsPerRun()) { // outside the timed loop: the run was resized
            intervals = new long[c.intervalsPerRun()];
            calls = new long[c.intervalsPerRun()];
        }
        pmu.begin();
        int n = schedule.run(c.workload, c.table, c.units, c.k, mode, spin, intervals, calls);
        PmuPerUnit perUnit = pmu.end(c.units);
        if (counters != null && perUnit != null) {
            counters.add(perUnit);
        }
        return robust.median(intervals, n) / c.k;
    }

    private double direct(Disturber d, int mode, int spin) {
        int chunks = directChunks.get(d);
        schedule.direct(mode, CALLS_PER_CHUNK, chunks, spin, intervals);
        return robust.median(intervals, chunks) / CALLS_PER_CHUNK;
    }
}
