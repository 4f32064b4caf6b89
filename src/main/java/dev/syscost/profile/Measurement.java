package dev.syscost.profile;

import java.util.List;

/**
 * What one profile observed, before costs and advice are put on it.
 *
 * @param mode          "run" or "attach"
 * @param pid           the command's launcher shell (run) or the attached process
 * @param fallbackReason why a better backend was not used, or null
 * @param exitStatus    the command's exit status (run mode), or null
 * @param counts        per-syscall counts (bpf backend), or null
 * @param perfTotal     kernel entries counted by perf (perf backend or --cross-check), or null
 * @param proc          /proc counters over the run (CPU times, read/write family), or null when unreadable
 * @param cpuFromReapedChildren whether CPU times are the reaped command's (run) rather than the live process's
 * @param targetExited  whether an attached process exited before the end
 * @param hook          where the bpf backend's program hung, and why not fentry; null for other backends
 * @param profilerCpuNs syscost's own CPU time (all its threads) while the target ran, or -1 when not measured
 * @param stacks        the call sites ({@code --stacks}), or null
 */
public record Measurement(String mode, List<String> command, int pid, Backend backend, String fallbackReason,
                          long wallNs, Integer exitStatus, SyscallCounts counts, Long perfTotal, ProcStats proc,
                          boolean cpuFromReapedChildren, boolean targetExited, String hook, long profilerCpuNs,
                          CallSites.Report stacks) {
    /** A measurement without the hook or the profiler's own CPU. */
    public Measurement(String mode, List<String> command, int pid, Backend backend, String fallbackReason,
                       long wallNs, Integer exitStatus, SyscallCounts counts, Long perfTotal, ProcStats proc,
                       boolean cpuFromReapedChildren, boolean targetExited) {
        this(mode, command, pid, backend, fallbackReason, wallNs, exitStatus, counts, perfTotal, proc,
                cpuFromReapedChildren, targetExited, null, -1, null);
    }

    /** Kernel entries counted by the best source available, or -1 when none counts them all. */
    public long totalSyscalls() {
        if (counts != null) {
            return counts.total();
        }
        return perfTotal != null ? perfTotal : -1;
    }

    /** User CPU seconds of the target, or NaN. */
    public double userCpuSeconds() {
        if (proc == null) {
            return Double.NaN;
        }
        long ticks = cpuFromReapedChildren ? proc.childUserTicks() : proc.userTicks() + proc.childUserTicks();
        return ticks / (double) ProcStats.TICKS_PER_SECOND;
    }

    /** System CPU seconds of the target, or NaN. */
    public double systemCpuSeconds() {
        if (proc == null) {
            return Double.NaN;
        }
        long ticks = cpuFromReapedChildren ? proc.childSystemTicks() : proc.systemTicks() + proc.childSystemTicks();
        return ticks / (double) ProcStats.TICKS_PER_SECOND;
    }

    /** Why the best backend was not used, or {@code otherwise}. */
    public String fallbackReasonOr(String otherwise) {
        return fallbackReason == null ? otherwise : fallbackReason;
    }
}
