package dev.syscost.indirect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lays out the cells and sizes each timed run to about {@code runMs}, from a quick baseline per group. */
final class Grid {
    /** Every run holds at least this many intervals, so a run is never a single syscall. */
    static final int MIN_INTERVALS = 2;

    private Grid() {}

    static List<Rounds.Group> groups(IndirectConfig config, List<ChaseTable> tables, Schedule schedule,
                                     Map<Disturber, Double> directNs) {
        List<Rounds.Group> groups = new ArrayList<>();
        double runNs = config.runMs() * 1e6;
        for (Workload w : config.workloads()) {
            for (ChaseTable t : tables) {
                double baseNs = baselineNsPerUnit(schedule, w, t);
                List<CellSamples> cells = new ArrayList<>();
                for (Disturber d : config.disturbers()) {
                    for (int k : config.ks()) {
                        double perUnit = baseNs + directNs.get(d) / k;
                        cells.add(new CellSamples(w, t, d, k, unitsFor(runNs, perUnit, k), config.rounds()));
                    }
                }
                groups.add(new Rounds.Group(w, t, List.copyOf(cells)));
            }
        }
        return groups;
    }

    /** Units for a run of about {@code runNs}: a whole number of intervals of {@code k}, at least {@link #MIN_INTERVALS}. */
    static int unitsFor(double runNs, double nsPerUnit, int k) {
        long intervals = Math.max(MIN_INTERVALS, Math.round(runNs / (nsPerUnit * k)));
        return (int) Math.min((long) k * intervals, (Integer.MAX_VALUE / k) * (long) k);
    }

    /** Undisturbed ns per unit: the median of five short runs after one untimed pass over the table. */
    static double baselineNsPerUnit(Schedule schedule, Workload w, ChaseTable t) {
        int pass = Math.max(16, t.lines / Schedule.STEPS_PER_UNIT);
        schedule.pass(w, t, pass);
        int units = Math.max(16, pass / 4);
        long[] one = new long[1];
        double[] ns = new double[5];
        for (int i = 0; i < ns.length; i++) {
            schedule.run(w, t, units, units, Schedule.MODE_NONE, 0, one);
            ns[i] = one[0] / (double) units;
        }
        java.util.Arrays.sort(ns);
        return ns[2];
    }
}
