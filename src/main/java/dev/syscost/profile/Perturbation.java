package dev.syscost.profile;

import dev.syscost.bench.Stats;
import dev.syscost.sys.Libc;
import dev.syscost.sys.PerfEventAttr;
import dev.syscost.sys.PerfEvents;

/**
 * How much slower one syscall gets while a backend counts it: getppid timed on this thread, tracked
 * and untracked in alternating trials (so drift hits both), median difference per call.
 */
public final class Perturbation {
    static final int CALLS = 50_000;
    static final int TRIALS = 15;

    private Perturbation() {}

    /** The estimate: median, p10 and p90 of the paired per-call differences, in ns. */
    public record Estimate(double medianNs, double p10Ns, double p90Ns) {
        /** Whether the interval includes zero or is wider than the estimate: noise, not a resolved figure. */
        public boolean unresolved() {
            return p10Ns <= 0 || p90Ns - p10Ns > Math.max(medianNs, 1);
        }
    }

    /** ns added per syscall by {@code backend}; 0 for proc, which adds nothing per syscall. */
    public static Estimate measure(Backend backend) {
        return switch (backend) {
            case BPF -> bpf();
            case PERF -> perf();
            case PROC -> new Estimate(0, 0, 0);
        };
    }

    private static Estimate bpf() {
        try (SyscallProfiler p = SyscallProfiler.open()) {
            int tid = Libc.gettid();
            p.trackThread(tid);
            return alternate(on -> {
                if (on) {
                    p.attach();
                } else {
                    p.detach();
                }
            });
        }
    }

    /** The key under which the cost to untracked threads is cached beside the backends' perturbations. */
    public static final String BPF_UNTRACKED = "bpf-untracked";

    /**
     * ns added per syscall of a thread the bpf backend is <em>not</em> tracking, while it counts others:
     * what every other process on the machine pays while syscost profiles (the hook's own cost and the
     * program's first lookup). Measured as {@link #measure} is, on this thread left untracked.
     */
    public static Estimate untracked() {
        try (SyscallProfiler p = SyscallProfiler.open()) {
            return alternate(on -> {
                if (on) {
                    p.attach();
                } else {
                    p.detach();
                }
            });
        }
    }

    private static Estimate perf() {
        int[] fd = {-1};
        try {
            return alternate(on -> {
                if (on) {
                    fd[0] = PerfEvents.openTracepointCounter("raw_syscalls", "sys_enter", 0, PerfEventAttr.EXCLUDE_HV);
                    Libc.ioctlChecked("PERF_EVENT_IOC_ENABLE", fd[0], PerfEvents.IOC_ENABLE, 0);
                } else if (fd[0] >= 0) {
                    Libc.close(fd[0]);
                    fd[0] = -1;
                }
            });
        } finally {
            if (fd[0] >= 0) {
                Libc.close(fd[0]);
            }
        }
    }

    private interface Switch {
        void set(boolean on);
    }

    /**
     * Paired trials: each pair times the loop counted and uncounted back to back (order alternating),
     * and the median of the per-pair differences is the estimate; drift between pairs cancels.
     */
    private static Estimate alternate(Switch counting) {
        double[] diff = new double[TRIALS];
        counting.set(true);
        loopNs(CALLS); // warm-up: the loop and the downcall compiled before timing
        for (int t = 0; t < TRIALS; t++) {
            boolean first = t % 2 == 0;
            counting.set(first);
            double a = loopNs(CALLS);
            counting.set(!first);
            double b = loopNs(CALLS);
            diff[t] = first ? a - b : b - a;
        }
        counting.set(false);
        Stats.Summary d = Stats.summarize(diff);
        return new Estimate(Math.max(0, d.median()), d.p10(), d.p90());
    }

    static volatile long sink;

    private static double loopNs(int calls) {
        long acc = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            acc += Libc.getppid();
        }
        long ns = System.nanoTime() - t0;
        sink = acc; // consumed: the loop cannot be removed
        return ns / (double) calls;
    }
}
