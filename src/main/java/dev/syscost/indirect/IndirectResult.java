package dev.syscost.indirect;

import dev.syscost.env.Environment;
import java.util.List;

/**
 * The result of {@code syscost indirect} (JSON schema {@code syscost.indirect/1}).
 *
 * @param direct each disturber's direct cost and the spin control calibrated to it
 * @param baselines time per unit of work with no disturbance (K = never)
 * @param cells one per workload × disturber × working set × K
 * @param summary the rate × working-set sentences a person can act on
 */
public record IndirectResult(String schema, Environment env, Settings config, List<DirectCost> direct,
                             List<Baseline> baselines, List<Cell> cells, PmuReport pmu, List<String> summary,
                             List<String> warnings) {
    public static final String SCHEMA = "syscost.indirect/1";

    /** The grid as run, with the method's constants; {@code rounds} were run (of at most {@code maxRounds}, within {@code budgetSec}). */
    public record Settings(List<Long> workingSetsBytes, List<Integer> ks, List<String> disturbers, List<String> workloads,
                           int rounds, int maxRounds, double runMs, double budgetSec, int stepsPerUnit, boolean quick, Integer pinnedCpu, long seed,
                           Double baselineKernelEntriesPerInterval, double elapsedSec) {}

    /**
     * A disturber's direct cost (the call alone, back to back, warm) and the spin control's length.
     *
     * @param spinToDirectRatio median spin length / median direct cost (1.0 = exact; the test allows ±10%)
     * @param kernelEntriesPerCall kernel entries per disturbance, counted (1 expected; null: tracepoint unavailable)
     * @param kernelEntriesPerSpin kernel entries per spin, counted (0 expected: the control stays in user mode)
     */
    public record DirectCost(String disturber, Estimate directNs, Estimate spinNs, int spinIterations,
                             double spinToDirectRatio, Double kernelEntriesPerCall, Double kernelEntriesPerSpin) {}

    /** Undisturbed time per unit of work (and per chase step) for one workload and working set. */
    public record Baseline(String workload, long workingSetBytes, Estimate nsPerUnit, double nsPerStep) {}

    /**
     * One cell of the grid.
     *
     * @param indirectNsPerSyscall the answer: extra time per syscall beyond its direct cost, net of what the
     *        spin control's equal-length delay causes — ((T_sys − T_spin) × K − (D_sys − D_spin)) per round
     * @param indirectBeforeSpinNsPerSyscall (T_sys − T_base) × K − D_sys, without the spin control
     * @param spinEffectNsPerSyscall (T_spin − T_base) × K − D_spin: what elapsed time alone costs
     * @param indirectPercentOfDirect the answer as a percentage of the direct cost
     * @param resolvable whether the 95% interval of the answer excludes zero (and every run had at least 5 syscalls)
     * @param coldCallNsPerSyscall the kernel-side share: the call itself, timed inside the schedule, took this
     *        much longer than back to back (net of the same for the spin)
     * @param userSlowdownNsPerSyscall the user-side share: the answer minus the cold-call share
     * @param minSyscallsPerRun the fewest syscalls (intervals) any run of this cell had
     * @param pagesTouchedPerSyscall expected distinct 4 KiB pages of the working set the chase touches
     *        between two syscalls (from the set's geometry and K)
     * @param indirectNsPerPageTouched the answer divided by that: a constant across cells points at a
     *        TLB flushed on every kernel entry (PTI without PCID)
     */
    public record Cell(String workload, String disturber, long workingSetBytes, int k, int unitsPerRun,
                       Estimate nsPerUnitWithSyscall, Estimate nsPerUnitWithSpin, double syscallsPerSec,
                       Estimate indirectNsPerSyscall, Estimate indirectBeforeSpinNsPerSyscall,
                       Estimate spinEffectNsPerSyscall, Estimate indirectPercentOfDirect, boolean resolvable,
                       String verdict, Estimate coldCallNsPerSyscall, Estimate userSlowdownNsPerSyscall,
                       int minSyscallsPerRun, double pagesTouchedPerSyscall, Estimate indirectNsPerPageTouched) {}
}
