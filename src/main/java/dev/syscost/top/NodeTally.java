package dev.syscost.top;

import dev.syscost.profile.NodeCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the node counter's cumulative counts into per-interval deltas, and deletes the keys of processes
 * that have exited once their last counts are in, so the map holds the living only.
 */
public final class NodeTally {
    private final NodeCounter counter;
    private final Map<Long, Long> last = new HashMap<>();
    private final Map<Integer, Long> lastOverflow = new HashMap<>();
    private long lastDropped;
    private long lastUnattributed;
    private long lastNanos;

    /**
     * What happened since the previous {@link #advance}.
     *
     * @param byPid              calls by tgid, then by syscall number (only non-zero)
     * @param exited             tgids whose counts were read for the last time
     * @param procs              /proc at the end of the interval
     * @param notShownProcesses  processes that found the map full and made calls this interval
     * @param notShownCalls      calls that found the map full (counted in no row)
     * @param kernelComms        by tgid: the name the kernel saw (for processes gone before /proc was read)
     */
    public record Delta(double seconds, Map<Integer, Map<Integer, Long>> byPid, Set<Integer> exited,
                        Map<Integer, ProcTable.Entry> procs, int notShownProcesses, long notShownCalls,
                        Map<Integer, String> kernelComms) {
        /** The process's name: /proc's while it lives, else the kernel's, else "?". */
        public String comm(int pid) {
            ProcTable.Entry e = procs.get(pid);
            return e != null ? e.comm() : kernelComms.getOrDefault(pid, "?");
        }
    }

    public NodeTally(NodeCounter counter) {
        this.counter = counter;
        this.lastNanos = System.nanoTime();
    }

    /** Reads the counter, returns the deltas since the last call, and forgets the exited. */
    public synchronized Delta advance() {
        NodeCounter.Reading r = counter.read();
        long now = System.nanoTime();
        // after the read: a process missing here exited before or during it, so its counts are final
        Map<Integer, ProcTable.Entry> procs = ProcTable.scan();
        double seconds = (now - lastNanos) / 1e9;
        lastNanos = now;
        Map<Integer, Map<Integer, Long>> byPid = new HashMap<>();
        Set<Integer> exited = new HashSet<>();
        List<Long> forget = new ArrayList<>();
        Map<Long, Long> seen = new HashMap<>();
        r.counts().forEach((key, cumulative) -> {
            long d = delta(cumulative, last.get(key));
            int tgid = NodeCounter.tgidOf(key);
            if (d > 0) {
                byPid.computeIfAbsent(tgid, t -> new HashMap<>()).merge(NodeCounter.syscallOf(key), d, Long::sum);
            }
            if (procs.containsKey(tgid)) {
                seen.put(key, cumulative);
            } else {
                exited.add(tgid);
                forget.add(key);
            }
        });
        last.clear();
        last.putAll(seen);
        int notShown = 0;
        List<Integer> forgetOverflow = new ArrayList<>();
        Map<Integer, Long> overflowSeen = new HashMap<>();
        for (Map.Entry<Integer, Long> e : r.overflow().entrySet()) {
            if (delta(e.getValue(), lastOverflow.get(e.getKey())) > 0) {
                notShown++;
            }
            if (procs.containsKey(e.getKey())) {
                overflowSeen.put(e.getKey(), e.getValue());
            } else {
                forgetOverflow.add(e.getKey());
            }
        }
        lastOverflow.clear();
        lastOverflow.putAll(overflowSeen);
        long droppedCalls = r.droppedCalls() - lastDropped;
        lastDropped = r.droppedCalls();
        lastUnattributed = r.unattributedCalls();
        counter.forget(forget, forgetOverflow);
        return new Delta(seconds, byPid, exited, procs, notShown, droppedCalls, r.comms());
    }

    /** Calls that found even the overflow map full, since the start. */
    public synchronized long unattributedCalls() {
        return lastUnattributed;
    }

    /** When the latest {@link #advance} read the counter. */
    public synchronized long readAtNanos() {
        return lastNanos;
    }

    public int maxEntries() {
        return counter.maxEntries();
    }

    private static long delta(long cumulative, Long previous) {
        // a key deleted and made again (a reused pid) starts from zero
        return previous == null || cumulative < previous ? cumulative : cumulative - previous;
    }
}
