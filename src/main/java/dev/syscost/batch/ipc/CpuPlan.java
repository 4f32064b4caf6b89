package dev.syscost.batch.ipc;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Where the parent's measuring thread and the peer run.
 *
 * @param placement {@code different-cores}, {@code same-core} or {@code unpinned}
 * @param twoCpus   whether the two sides can run at the same time (what spinning needs)
 */
record CpuPlan(String placement, int parentCpu, int childCpu, boolean twoCpus, List<String> warnings) {
    /** The plan for {@code requested} given the CPUs this thread may use (the first one or two of them). */
    static CpuPlan choose(Placement requested, BitSet allowed) {
        List<String> warnings = new ArrayList<>();
        int first = allowed.nextSetBit(0);
        int second = first < 0 ? -1 : allowed.nextSetBit(first + 1);
        if (first < 0) {
            warnings.add("could not read this thread's CPU affinity; the two processes are not pinned");
            return new CpuPlan("unpinned", -1, -1, Runtime.getRuntime().availableProcessors() > 1, warnings);
        }
        if (requested == Placement.DIFFERENT && second >= 0) {
            return new CpuPlan(Placement.DIFFERENT.label(), first, second, true, warnings);
        }
        if (requested == Placement.DIFFERENT) {
            warnings.add("only one CPU (" + first + ") is usable, so both processes share it (same-core);"
                    + " shm_spin is unavailable");
        }
        return new CpuPlan(Placement.SAME.label(), first, first, false, warnings);
    }

    /** The same plan after pinning the parent failed: nothing is pinned. */
    CpuPlan unpinned(String why) {
        List<String> w = new ArrayList<>(warnings);
        w.add("could not pin the measuring thread (" + why + "); the two processes run where the scheduler puts them");
        return new CpuPlan("unpinned", -1, -1, Runtime.getRuntime().availableProcessors() > 1, w);
    }
}
