package dev.syscost.top;

import dev.syscost.profile.Calibration;
import dev.syscost.profile.NodeCounter;
import dev.syscost.sys.SyscallTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Snapshots from the system-wide in-kernel counter: exact counts of every syscall of every process. */
public final class EbpfSampler implements Sampler {
    private final NodeCounter counter;
    private final NodeTally tally;
    private final Pricing pricing;
    private final Map<Integer, Long> lastSystemTicks = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    private EbpfSampler(NodeCounter counter, Calibration calibration) {
        this.counter = counter;
        this.tally = new NodeTally(counter);
        this.pricing = new Pricing(calibration);
    }

    /** Attaches the counter (throws NativeException where bpf is not permitted) and takes the baseline. */
    public static EbpfSampler open(int maxEntries, Calibration calibration) {
        EbpfSampler s = new EbpfSampler(NodeCounter.open(maxEntries), calibration);
        s.sample();
        return s;
    }

    @Override
    public TopSnapshot sample() {
        NodeTally.Delta d = tally.advance();
        SyscallTable table = SyscallTable.x86_64();
        double seconds = Math.max(d.seconds(), 1e-9);
        Map<String, Long> host = new TreeMap<>();
        List<TopSnapshot.Process> rows = new ArrayList<>();
        d.byPid().forEach((pid, byNr) -> {
            Map<String, Long> counts = new HashMap<>();
            byNr.forEach((nr, n) -> counts.merge(table.name(nr), n, Long::sum));
            counts.forEach((name, n) -> host.merge(name, n, Long::sum));
            List<TopSnapshot.Syscall> syscalls = pricing.syscalls(counts, seconds);
            ProcTable.Entry e = d.procs().get(pid);
            Double system = null;
            names.putIfAbsent(pid, d.comm(pid));
            if (e != null) {
                names.put(pid, e.comm());
                Long before = lastSystemTicks.get(pid);
                system = before == null ? null : (e.systemTicks() - before) / 100.0 / seconds;
            }
            rows.add(new TopSnapshot.Process(pid, names.getOrDefault(pid, "?"), Pricing.rate(syscalls), Pricing.taxShare(syscalls),
                    system, d.exited().contains(pid), syscalls));
        });
        rows.sort(Comparator.comparingDouble(TopSnapshot.Process::syscallsPerSecond).reversed()
                .thenComparingInt(TopSnapshot.Process::pid));
        lastSystemTicks.clear();
        d.procs().forEach((pid, e) -> lastSystemTicks.put(pid, e.systemTicks()));
        d.exited().forEach(names::remove);
        names.keySet().retainAll(d.procs().keySet());
        List<TopSnapshot.Syscall> hostSyscalls = pricing.syscalls(host, seconds);
        return new TopSnapshot(TopSnapshot.SCHEMA,
                "eBPF on raw_syscalls:sys_enter, every process, per-CPU hash of at most " + counter.maxEntries()
                        + " (process, syscall) pairs", List.of(), seconds, Pricing.rate(hostSyscalls) + d.notShownCalls() / seconds,
                Pricing.taxShare(hostSyscalls), pricing.floorNs(), pricing.source(), counter.maxEntries(),
                d.notShownProcesses(), d.notShownCalls() / seconds, hostSyscalls, rows);
    }

    @Override
    public long sampledAtNanos() {
        return tally.readAtNanos();
    }

    @Override
    public void close() {
        counter.close();
    }
}
