package dev.syscost.serve;

import dev.syscost.report.metrics.MetricFamilies;
import dev.syscost.profile.Calibration;
import dev.syscost.profile.CostModel;
import dev.syscost.profile.NodeCounter;
import dev.syscost.sys.SyscallTable;
import dev.syscost.top.NodeTally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code syscost serve --node}: every process's syscalls from the system-wide in-kernel counter, as
 * {@code syscost_node_syscalls_total{syscall}} for the host and {@code syscost_process_syscalls_total
 * {pid,comm,syscall}} for the {@code topK} processes with the most calls since the previous scrape, the
 * rest summed under {@code comm="other"} (with an empty pid, which Prometheus treats as no pid label).
 * A background fold every {@link #FOLD_MILLIS} ms keeps the kernel map free of exited processes however
 * rarely Prometheus scrapes; an exited process is exported once more, then its series are dropped.
 * Memory is bounded by the kernel map: one entry per live (process, syscall) pair.
 */
public final class NodeCollector implements AutoCloseable {
    static final long FOLD_MILLIS = 1000;
    /** Exited processes kept for the next scrape beyond this many are summed into "other" at once. */
    static final int MAX_PENDING_EXITED = 1024;
    static final String OTHER = "other";
    static final String UNKNOWN = "unknown";
    static final String PROCESS_HELP = "Syscalls of one process by syscall: with --node the top --top-k processes by rate "
            + "since the previous scrape, the rest summed under comm=\"other\" (pid empty); with --watch the watched pids.";

    private final NodeCounter counter;
    private final NodeTally tally;
    private final int topK;
    private final CostModel prices;
    private final Map<Integer, Map<Integer, Long>> cumulative = new HashMap<>();
    private final Map<Integer, Map<Integer, Long>> sinceScrape = new HashMap<>();
    private final Map<Integer, String> comms = new HashMap<>();
    private final Set<Integer> exited = new HashSet<>();
    private final Map<Integer, Long> node = new TreeMap<>();
    private final Map<Integer, Long> other = new TreeMap<>();
    private long notShownCalls;
    private int notShownProcesses;
    private long lastScrapeNanos = System.nanoTime();
    private final Thread folder;

    private NodeCollector(NodeCounter counter, int topK, Calibration calibration) {
        this.counter = counter;
        this.tally = new NodeTally(counter);
        this.topK = topK;
        this.prices = calibration == null ? null : new CostModel(calibration);
        this.folder = Thread.ofPlatform().daemon().name("syscost-node-fold").unstarted(this::foldEvery);
    }

    /** Attaches the counter (NativeException where bpf is refused) and starts folding. */
    public static NodeCollector open(int topK, int maxEntries, Calibration calibration) {
        NodeCollector c = new NodeCollector(NodeCounter.open(maxEntries), topK, calibration);
        c.folder.start();
        return c;
    }

    /** The most process series one scrape can hold: (topK + 1 for "other") x (every syscall name + "unknown"). */
    public static long worstCaseProcessSeries(int topK) {
        return (topK + 1L) * (SyscallTable.x86_64().size() + 1);
    }

    public int maxEntries() {
        return counter.maxEntries();
    }

    private void foldEvery() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(FOLD_MILLIS);
                fold();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the counter was closed under us (shutdown): nothing more to fold
                return;
            }
        }
    }

    /** Reads the kernel's counts into the per-process totals. */
    synchronized void fold() {
        NodeTally.Delta d = tally.advance();
        d.byPid().forEach((pid, byNr) -> {
            comms.computeIfAbsent(pid, d::comm);
            Map<Integer, Long> cum = cumulative.computeIfAbsent(pid, p -> new HashMap<>());
            Map<Integer, Long> since = sinceScrape.computeIfAbsent(pid, p -> new HashMap<>());
            byNr.forEach((nr, n) -> {
                cum.merge(nr, n, Long::sum);
                since.merge(nr, n, Long::sum);
                node.merge(nr, n, Long::sum);
            });
        });
        exited.addAll(d.exited());
        notShownCalls += d.notShownCalls();
        notShownProcesses = Math.max(notShownProcesses, d.notShownProcesses());
        if (exited.size() > MAX_PENDING_EXITED) {
            List<Integer> smallest = ranked(exited);
            smallest.subList(0, topK).clear();
            smallest.forEach(this::foldIntoOther);
            exited.removeAll(smallest);
        }
    }

    /** Adds this scrape's families; exited processes shown now are gone from the next scrape. */
    public synchronized void addTo(MetricFamilies m) {
        fold();
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - lastScrapeNanos) / 1e9);
        lastScrapeNanos = now;
        SyscallTable table = SyscallTable.x86_64();
        byLabel(table, node).forEach((syscall, n) -> m.counter("syscost_node_syscalls", "Syscalls of every process on this host since syscost "
                + "started counting, by syscall (eBPF on raw_syscalls:sys_enter).", n, "syscall", syscall));
        double nodeTax = 0;
        for (Map<Integer, Long> since : sinceScrape.values()) {
            nodeTax += tax(since, seconds);
        }
        List<Integer> ranked = ranked(sinceScrape.keySet());
        List<Integer> shown = ranked.subList(0, Math.min(topK, ranked.size()));
        for (int pid : ranked.subList(shown.size(), ranked.size())) {
            foldIntoOther(pid);
        }
        for (int pid : shown) {
            String comm = comms.getOrDefault(pid, "?");
            byLabel(table, cumulative.getOrDefault(pid, Map.of())).forEach((syscall, n) -> m.counter("syscost_process_syscalls", PROCESS_HELP, n, "pid", Integer.toString(pid), "comm", comm, "syscall", syscall));
            double tax = tax(sinceScrape.get(pid), seconds);
            m.gauge("syscost_process_tax_ratio", "Estimated boundary tax of the process since the previous scrape: calls/s "
                    + "x calibrated ns per call, as a share of one CPU.", tax, "pid", Integer.toString(pid), "comm", comm);
        }
        byLabel(table, other).forEach((syscall, n) -> m.counter("syscost_process_syscalls", PROCESS_HELP, n, "pid", "", "comm", OTHER, "syscall", syscall));
        m.gauge("syscost_node_tax_ratio", "Estimated boundary tax of every process since the previous scrape, as a share of one CPU.",
                prices == null ? Double.NaN : nodeTax);
        m.counter("syscost_node_syscalls_not_attributed", "Syscalls that found the kernel map full: in no process or "
                + "syscall series (raise the map size if this grows).", notShownCalls);
        m.gauge("syscost_node_processes_not_shown", "Most processes at once that found the kernel map full since the previous scrape.",
                notShownProcesses);
        m.gauge("syscost_node_map_max_entries", "The kernel map's bound on (process, syscall) pairs.", counter.maxEntries());
        m.gauge("syscost_node_top_k", "Processes exported by name (--top-k); the rest are summed under comm=\"other\".", topK);
        notShownProcesses = 0;
        sinceScrape.clear();
        for (int pid : exited) {
            cumulative.remove(pid);
            comms.remove(pid);
        }
        exited.clear();
    }

    /** A syscall's label: numbers outside the table (a program may pass any) all read "unknown", bounding the names. */
    static String label(SyscallTable table, int nr) {
        String name = table.name(nr);
        return name.startsWith("syscall_") ? UNKNOWN : name;
    }

    private static Map<String, Long> byLabel(SyscallTable table, Map<Integer, Long> byNr) {
        Map<String, Long> out = new TreeMap<>();
        byNr.forEach((nr, n) -> out.merge(label(table, nr), n, Long::sum));
        return out;
    }

    /** Pids by calls since the previous scrape, most first. */
    private List<Integer> ranked(Set<Integer> pids) {
        List<Integer> out = new ArrayList<>(pids);
        out.sort(Comparator.comparingLong((Integer p) -> total(sinceScrape.get(p))).reversed().thenComparing(p -> p));
        return out;
    }

    private void foldIntoOther(int pid) {
        Map<Integer, Long> since = sinceScrape.remove(pid);
        if (since != null) {
            since.forEach((nr, n) -> other.merge(nr, n, Long::sum));
        }
        if (exited.contains(pid)) {
            cumulative.remove(pid);
            comms.remove(pid);
        }
    }

    private static long total(Map<Integer, Long> byNr) {
        return byNr == null ? 0 : byNr.values().stream().mapToLong(Long::longValue).sum();
    }

    private double tax(Map<Integer, Long> byNr, double seconds) {
        if (prices == null || byNr == null) {
            return Double.NaN;
        }
        SyscallTable table = SyscallTable.x86_64();
        double ns = 0;
        for (Map.Entry<Integer, Long> e : byNr.entrySet()) {
            ns += e.getValue() * prices.price(table.name(e.getKey())).nsPerCall();
        }
        return ns / 1e9 / seconds;
    }

    @Override
    public void close() {
        folder.interrupt();
        synchronized (this) {
            counter.close();
        }
    }
}
