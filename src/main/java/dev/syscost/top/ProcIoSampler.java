package dev.syscost.top;

import dev.syscost.profile.Calibration;
import dev.syscost.profile.ProcStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots without bpf: the read- and write-family counters of {@code /proc/PID/io} ({@code syscr},
 * {@code syscw}) of every process this user may read. Blind to every other syscall, and to processes
 * of other users unless root; the snapshot's {@code limits} say so.
 */
public final class ProcIoSampler implements Sampler {
    static final List<String> LIMITS = List.of(
            "bpf not permitted: counted from /proc/PID/io instead, read and write families only (syscr, syscw); "
                    + "every other syscall is invisible",
            "only processes whose /proc/PID/io this user may read (its own, or all as root)",
            "a process that starts and exits within the interval is not seen");

    private final Pricing pricing;
    private Map<Integer, ProcStats> last = new HashMap<>();
    private long lastNanos;

    private ProcIoSampler(Calibration calibration) {
        this.pricing = new Pricing(calibration);
    }

    /** Takes the baseline now. */
    public static ProcIoSampler open(Calibration calibration) {
        ProcIoSampler s = new ProcIoSampler(calibration);
        s.sample();
        return s;
    }

    @Override
    public TopSnapshot sample() {
        Map<Integer, ProcTable.Entry> procs = ProcTable.scan();
        Map<Integer, ProcStats> now = new HashMap<>();
        procs.keySet().forEach(pid -> ProcStats.read(pid).ifPresent(s -> now.put(pid, s)));
        long t = System.nanoTime();
        double seconds = Math.max((t - lastNanos) / 1e9, 1e-9);
        lastNanos = t;
        List<TopSnapshot.Process> rows = new ArrayList<>();
        Map<String, Long> host = new LinkedHashMap<>();
        now.forEach((pid, s) -> {
            ProcStats before = last.get(pid);
            if (before == null) {
                return;
            }
            ProcStats d = s.minus(before);
            Map<String, Long> counts = new LinkedHashMap<>();
            if (d.readCalls() > 0) {
                counts.put("read_family", d.readCalls());
            }
            if (d.writeCalls() > 0) {
                counts.put("write_family", d.writeCalls());
            }
            if (counts.isEmpty()) {
                return;
            }
            counts.forEach((k, v) -> host.merge(k, v, Long::sum));
            List<TopSnapshot.Syscall> syscalls = pricing.syscalls(counts, seconds);
            rows.add(new TopSnapshot.Process(pid, procs.get(pid).comm(), Pricing.rate(syscalls), Pricing.taxShare(syscalls),
                    d.systemTicks() / (double) ProcStats.TICKS_PER_SECOND / seconds, false, syscalls));
        });
        last = now;
        rows.sort(Comparator.comparingDouble(TopSnapshot.Process::syscallsPerSecond).reversed()
                .thenComparingInt(TopSnapshot.Process::pid));
        List<TopSnapshot.Syscall> hostSyscalls = pricing.syscalls(host, seconds);
        return new TopSnapshot(TopSnapshot.SCHEMA, "/proc/PID/io syscr and syscw (read and write families only)", LIMITS,
                seconds, Pricing.rate(hostSyscalls), Pricing.taxShare(hostSyscalls), pricing.floorNs(), pricing.source(),
                0, 0, 0, hostSyscalls, rows);
    }

    @Override
    public long sampledAtNanos() {
        return lastNanos;
    }

    @Override
    public void close() {
        // nothing held
    }
}
