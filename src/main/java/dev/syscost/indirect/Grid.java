package dev.syscost.indirect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lays out the cells and sizes each timed run to about {@code runMs}, from a quick baseline per group. */
final class Grid {
    /**
     * A run needs this many intervals for its median to leave out a preemption; a cell whose runs had
     * fewer is reported not resolvable whatever its interval says.
     */
    static final int MIN_INTERVALS = 5;
    /** No run is stretched past this to reach {@link #MIN_INTERVALS}: it keeps the default grid within its minute. */
    static final double RUN_CAP_NS = 20e6;

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

    /**
     * Units for a run of about {@code runNs}: a whole number of intervals of {@code k}, at least
     * {@link #MIN_INTERVALS} unless that would take longer than {@link #RUN_CAP_NS}, and at least one.
     */
    static int unitsFor(double runNs, double nsPerUnit, int k) {
        double intervalNs = Math.max(nsPerUnit, 1) * k;
        long wanted = Math.max(MIN_INTERVALS, Math.round(runNs / intervalNs));
        long affordable = (long) (Math.max(runNs, RUN_CAP_NS) / intervalNs);
        long intervals = Math.max(1, Math.min(wanted, affordable));
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
