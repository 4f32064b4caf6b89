package dev.syscost.indirect;

import dev.syscost.indirect.PmuReport.PmuPerUnit;
import dev.syscost.report.Progress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The measurement proper. Each round visits every (workload, working set) group in random order: a warm
 * pass over the table, a baseline run, then every cell of the group in random order, and for each cell
 * its four measurements (syscall run, spin run, direct syscall, direct spin) back to back in random order.
 * The answer is a difference within one cell's round, so drift on this shared machine (neighbours, the
 * host's cache) cancels; the median over rounds and its interval come from {@link CellEstimates}.
 */
final class Rounds {
    /** One group: a workload on one table, with its cells. */
    record Group(Workload workload, ChaseTable table, int baseUnits, List<CellSamples> cells) {}

    private final Schedule schedule;
    private final PmuSession pmu;
    private final Map<Disturber, Integer> spinIterations;
    private final Map<Disturber, Integer> directCalls;
    private final Random order;
    final Map<Group, double[]> baseNsPerUnit = new java.util.LinkedHashMap<>();
    final Map<Group, List<PmuPerUnit>> pmuWithout = new java.util.LinkedHashMap<>();

    Rounds(Schedule schedule, PmuSession pmu, Map<Disturber, Integer> spinIterations, Map<Disturber, Integer> directCalls,
           long seed) {
        this.schedule = schedule;
        this.pmu = pmu;
        this.spinIterations = spinIterations;
        this.directCalls = directCalls;
        this.order = new Random(seed);
    }

    /** Runs all rounds over all groups. */
    void run(List<Group> groups, int rounds, Progress progress) {
        for (Group g : groups) {
            baseNsPerUnit.put(g, new double[rounds]);
            pmuWithout.put(g, new ArrayList<>());
        }
        List<Group> shuffled = new ArrayList<>(groups);
        for (int r = 0; r < rounds; r++) {
            Collections.shuffle(shuffled, order);
            for (int gi = 0; gi < shuffled.size(); gi++) {
                Group g = shuffled.get(gi);
                progress.step(r + 1, rounds, "round", g.workload().id() + " " + SizeParser.label(g.table().workingSetBytes)
                        + " (" + (gi + 1) + "/" + shuffled.size() + ")");
                runGroup(g, r);
            }
        }
    }

    private void runGroup(Group g, int r) {
        ChaseTable t = g.table();
        // One pass over the table first, so the first measured run does not pay for the previous group's eviction.
        schedule.run(g.workload(), t, Math.max(1, t.lines / Schedule.STEPS_PER_UNIT), Integer.MAX_VALUE, Schedule.MODE_NONE, 0);
        pmu.begin();
        long baseNs = schedule.run(g.workload(), t, g.baseUnits(), Integer.MAX_VALUE, Schedule.MODE_NONE, 0);
        PmuPerUnit without = pmu.end(g.baseUnits());
        if (without != null) {
            pmuWithout.get(g).add(without);
        }
        double base = baseNs / (double) g.baseUnits();
        baseNsPerUnit.get(g)[r] = base;
        List<CellSamples> cells = new ArrayList<>(g.cells());
        Collections.shuffle(cells, order);
        for (CellSamples c : cells) {
            c.baseNsPerUnit[r] = base;
            runCell(c, r);
        }
    }

    private void runCell(CellSamples c, int r) {
        int mode = Schedule.modeOf(c.disturber);
        int spin = spinIterations.get(c.disturber);
        int calls = directCalls.get(c.disturber);
        List<Integer> steps = new ArrayList<>(List.of(0, 1, 2, 3));
        Collections.shuffle(steps, order);
        for (int step : steps) {
            switch (step) {
                case 0 -> {
                    pmu.begin();
                    c.sysNsPerUnit[r] = schedule.run(c.workload, c.table, c.units, c.k, mode, 0) / (double) c.units;
                    PmuPerUnit with = pmu.end(c.units);
                    if (with != null) {
                        c.pmuWith.add(with);
                    }
                }
                case 1 -> c.spinNsPerUnit[r] = schedule.run(c.workload, c.table, c.units, c.k, Schedule.MODE_SPIN, spin)
                        / (double) c.units;
                case 2 -> c.directSysNs[r] = schedule.direct(mode, calls, 0) / (double) calls;
                default -> c.directSpinNs[r] = schedule.direct(Schedule.MODE_SPIN, calls, spin) / (double) calls;
            }
        }
    }
}
