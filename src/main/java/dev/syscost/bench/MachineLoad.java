package dev.syscost.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the whole machine (from /proc/stat) and of this process, sampled before and after a run,
 * to tell whether neighbours or the hypervisor took CPU while we measured.
 */
public record MachineLoad(long totalJiffies, long busyJiffies, long stealJiffies, long selfCpuNs, long wallNs) {
    private static final double JIFFY_NS = 1e9 / 100; // USER_HZ is 100 on Linux/x86-64

    /** Reads /proc/stat and this process's CPU time now; zeros where /proc is unreadable. */
    public static MachineLoad sample() {
        long total = 0;
        long busy = 0;
        long steal = 0;
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal guest guest_nice
            for (int i = 1; i <= 8 && i < f.length; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
                if (i == 8) {
                    steal = v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc/stat (a sandbox): the load check reports nothing rather than guessing.
        }
        long self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new MachineLoad(total, busy - steal, steal, self, System.nanoTime());
    }

    /** What happened between {@code before} and this sample. */
    public Delta since(MachineLoad before) {
        return since(before, 0);
    }

    /** As {@link #since(MachineLoad)}, counting {@code childCpuNs} (our measure forks) as our own CPU time. */
    public Delta since(MachineLoad before, long childCpuNs) {
        long total = totalJiffies - before.totalJiffies;
        if (total <= 0) {
            return new Delta(0, 0, false);
        }
        double stealShare = (double) (stealJiffies - before.stealJiffies) / total;
        double selfJiffies = (selfCpuNs - before.selfCpuNs + childCpuNs) / JIFFY_NS;
        double othersShare = Math.max(0, (busyJiffies - before.busyJiffies - selfJiffies) / total);
        return new Delta(stealShare, othersShare, true);
    }

    /** Shares of all CPU time in an interval: stolen by the hypervisor, used by other processes. */
    public record Delta(double stealShare, double othersShare, boolean known) {
        /** Loud lines for a report when steal ≥ 2% or other processes ≥ 20% of CPU time: the figures are noisy. */
        public java.util.List<String> warnings() {
            java.util.List<String> w = new java.util.ArrayList<>();
            if (known && stealShare >= 0.02) {
                w.add(String.format(java.util.Locale.ROOT,
                        "the hypervisor stole %.0f%% of CPU time during the run: figures include its noise", 100 * stealShare));
            }
            if (known && othersShare >= 0.20) {
                w.add(String.format(java.util.Locale.ROOT, "other processes used %.0f%% of all CPU time during the run:"
                        + " the machine is busy, figures are noisy", 100 * othersShare));
            }
            return java.util.List.copyOf(w);
        }
    }
}
