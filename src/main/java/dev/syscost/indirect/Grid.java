package dev.syscost.indirect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lays out the cells and sizes each timed run to about {@code runMs}, from a quick baseline per group. */
final class Grid {
    private Grid() {}

    static List<Rounds.Group> groups(IndirectConfig config, List<ChaseTable> tables, Schedule schedule,
                                     Map<Disturber, Double> directNs) {
        List<Rounds.Group> groups = new ArrayList<>();
        double runNs = config.runMs() * 1e6;
        for (Workload w : config.workloads()) {
            for (ChaseTable t : tables) {
                double baseNs = baselineNsPerUnit(schedule, w, t);
                int baseUnits = (int) Math.max(16, Math.min(Integer.MAX_VALUE / 2, runNs / baseNs));
                List<CellSamples> cells = new ArrayList<>();
                for (Disturber d : config.disturbers()) {
                    for (int k : config.ks()) {
                        double perUnit = baseNs + directNs.get(d) / k;
                        cells.add(new CellSamples(w, t, d, k, unitsFor(runNs, perUnit, k), config.rounds()));
                    }
                }
                groups.add(new Rounds.Group(w, t, baseUnits, List.copyOf(cells)));
            }
        }
        return groups;
    }

    /** Units for a run of about {@code runNs}: a whole number of intervals of {@code k}, at least one. */
    static int unitsFor(double runNs, double nsPerUnit, int k) {
        long intervals = Math.max(1, Math.round(runNs / (nsPerUnit * k)));
        return (int) Math.min((long) k * intervals, (Integer.MAX_VALUE / k) * (long) k);
    }

    /** Undisturbed ns per unit from one pass over the table plus a short timed run. */
    private static double baselineNsPerUnit(Schedule schedule, Workload w, ChaseTable t) {
        int pass = Math.max(16, t.lines / Schedule.STEPS_PER_UNIT);
        schedule.run(w, t, pass, Integer.MAX_VALUE, Schedule.MODE_NONE, 0);
        return schedule.run(w, t, pass, Integer.MAX_VALUE, Schedule.MODE_NONE, 0) / (double) pass;
    }
}
