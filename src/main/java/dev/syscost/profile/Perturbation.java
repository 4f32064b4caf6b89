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
    static final int CALLS = 100_000;
    static final int TRIALS = 7;

    private Perturbation() {}

    /** ns added per syscall by {@code backend}; 0 for proc, which adds nothing per syscall. */
    public static double measure(Backend backend) {
        return switch (backend) {
            case BPF -> bpf();
            case PERF -> perf();
            case PROC -> 0;
        };
    }

    private static double bpf() {
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

    private static double perf() {
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

    private static double alternate(Switch counting) {
        double[] on = new double[TRIALS];
        double[] off = new double[TRIALS];
        counting.set(true);
        loopNs(CALLS); // warm-up: the loop and the downcall compiled before timing
        for (int t = 0; t < TRIALS; t++) {
            boolean first = t % 2 == 0;
            counting.set(first);
            double a = loopNs(CALLS);
            counting.set(!first);
            double b = loopNs(CALLS);
            on[t] = first ? a : b;
            off[t] = first ? b : a;
        }
        counting.set(false);
        return Math.max(0, Stats.summarize(on).median() - Stats.summarize(off).median());
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
