package dev.syscost.profile;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.syscost.sys.Bpf;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Every process's syscalls on this machine, counted in the kernel (see {@link NodeCountingPrograms}):
 * cumulative per (tgid, syscall number) since {@link #open}; user space reads the maps only when asked
 * ({@link #read()}) and deletes the keys of processes that have gone ({@link #forget}), which is what
 * keeps a bounded map from filling up with the dead on a host that forks all day.
 */
public final class NodeCounter implements AutoCloseable {
    /** Overrides {@link #DEFAULT_MAX_ENTRIES} (tests force the map-full path with a tiny map). */
    public static final String MAX_ENTRIES_PROPERTY = "syscost.node.maxEntries";
    /** (process, syscall) pairs the map holds: a busy host has a few thousand. */
    public static final int DEFAULT_MAX_ENTRIES = 16384;
    /** Processes the overflow map can name when the main one is full. */
    static final int OVERFLOW_ENTRIES = 4096;

    private final BpfObjects fds = new BpfObjects();
    private final int maxEntries;
    private final int countsFd;
    private final int overflowFd;
    private final int droppedFd;
    private final int commsFd;
    private final int cpus = Bpf.possibleCpus();
    private boolean closed;

    /**
     * Cumulative counts at one moment.
     *
     * @param counts           by {@link #key(int, int)}: calls summed over CPUs
     * @param overflow         by tgid: calls of processes that found the main map full
     * @param droppedCalls     calls that found the main map full (all of them, in overflow or not)
     * @param unattributedCalls calls that found the overflow map full as well
     * @param comms            by tgid: the name of the thread that last made a new (process, syscall) pair
     */
    public record Reading(Map<Long, Long> counts, Map<Integer, Long> overflow, long droppedCalls, long unattributedCalls,
                          Map<Integer, String> comms) {}

    private NodeCounter(int maxEntries) {
        this.maxEntries = maxEntries;
        try {
            countsFd = keep(Bpf.mapCreate(Bpf.MAP_TYPE_PERCPU_HASH, 8, 8, maxEntries, "syscost_node"));
            overflowFd = keep(Bpf.mapCreate(Bpf.MAP_TYPE_PERCPU_HASH, 4, 8, OVERFLOW_ENTRIES, "syscost_nodeovf"));
            droppedFd = keep(Bpf.mapCreate(Bpf.MAP_TYPE_PERCPU_ARRAY, 4, 8, NodeCountingPrograms.DROPPED_SLOTS, "syscost_nodedrop"));
            commsFd = keep(Bpf.mapCreate(Bpf.MAP_TYPE_HASH, 4, NodeCountingPrograms.COMM_SIZE, maxEntries, "syscost_nodecomm"));
            try (Arena a = Arena.ofConfined()) {
                int prog = keep(Bpf.progLoad(Bpf.PROG_TYPE_RAW_TRACEPOINT,
                        NodeCountingPrograms.sysEnter(countsFd, overflowFd, droppedFd, commsFd).encode(a), "syscost_node"));
                keep(Bpf.rawTracepointOpen("sys_enter", prog));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Loads and attaches the counter with a map of {@code maxEntries} (process, syscall) pairs. Throws
     * {@link dev.syscost.sys.NativeException} (not permitted, with the fix) or
     * {@link dev.syscost.sys.BpfVerifierException}.
     */
    public static NodeCounter open(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("map entries must be positive: " + maxEntries);
        }
        return new NodeCounter(maxEntries);
    }

    /** The map size asked for by {@link #MAX_ENTRIES_PROPERTY}, else {@link #DEFAULT_MAX_ENTRIES}. */
    public static int configuredMaxEntries() {
        return Integer.getInteger(MAX_ENTRIES_PROPERTY, DEFAULT_MAX_ENTRIES);
    }

    /** The bound on (process, syscall) pairs. */
    public int maxEntries() {
        return maxEntries;
    }

    /** The map key of (tgid, syscall number): the tgid in the low half, as the little-endian struct has it. */
    public static long key(int tgid, int nr) {
        return (tgid & 0xffffffffL) | ((long) nr << 32);
    }

    public static int tgidOf(long key) {
        return (int) key;
    }

    public static int syscallOf(long key) {
        return (int) (key >>> 32);
    }

    /** Reads every map: one GET_NEXT_KEY and one LOOKUP per (process, syscall) pair. */
    public synchronized Reading read() {
        if (closed) {
            throw new IllegalStateException("node counter closed");
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment values = a.allocate(JAVA_LONG, cpus);
            Map<Long, Long> counts = new HashMap<>();
            walk(a, countsFd, 8, values, (key, sum) -> counts.put(key.get(JAVA_LONG, 0), sum));
            Map<Integer, Long> overflow = new HashMap<>();
            walk(a, overflowFd, 4, values, (key, sum) -> overflow.put(key.get(JAVA_INT, 0), sum));
            long[] dropped = new long[NodeCountingPrograms.DROPPED_SLOTS];
            MemorySegment slot = a.allocate(JAVA_INT);
            for (int s = 0; s < dropped.length; s++) {
                slot.set(JAVA_INT, 0, s);
                dropped[s] = Bpf.lookup(droppedFd, slot, values) ? sum(values) : 0;
            }
            Map<Integer, String> comms = new HashMap<>();
            MemorySegment tgid = a.allocate(JAVA_INT);
            MemorySegment name = a.allocate(NodeCountingPrograms.COMM_SIZE);
            for (long k : counts.keySet()) {
                int t = tgidOf(k);
                tgid.set(JAVA_INT, 0, t);
                if (!comms.containsKey(t) && Bpf.lookup(commsFd, tgid, name)) {
                    comms.put(t, name.getString(0, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return new Reading(counts, overflow, dropped[NodeCountingPrograms.DROPPED_CALLS],
                    dropped[NodeCountingPrograms.DROPPED_PROCESSES], comms);
        }
    }

    private interface Visitor {
        void visit(MemorySegment key, long sum);
    }

    private void walk(Arena a, int fd, int keySize, MemorySegment values, Visitor v) {
        MemorySegment key = a.allocate(keySize, 8);
        MemorySegment next = a.allocate(keySize, 8);
        MemorySegment prev = MemorySegment.NULL;
        // A key deleted while we walk restarts the walk at the first key (the kernel's rule): bounded by
        // the map size, so a walk always ends.
        for (int n = 0; n <= maxEntries + OVERFLOW_ENTRIES && Bpf.nextKey(fd, prev, next); n++) {
            MemorySegment.copy(next, 0, key, 0, keySize);
            if (Bpf.lookup(fd, key, values)) {
                v.visit(key, sum(values));
            }
            prev = key;
        }
    }

    private long sum(MemorySegment values) {
        long s = 0;
        for (int c = 0; c < cpus; c++) {
            s += values.getAtIndex(JAVA_LONG, c);
        }
        return s;
    }

    /** Deletes the counts of processes that have gone (their last counts already read). */
    public synchronized void forget(Collection<Long> keys, Collection<Integer> overflowTgids) {
        if (closed) {
            return;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment k8 = a.allocate(JAVA_LONG);
            for (long k : keys) {
                k8.set(JAVA_LONG, 0, k);
                Bpf.delete(countsFd, k8);
            }
            MemorySegment k4 = a.allocate(JAVA_INT);
            for (int t : overflowTgids) {
                k4.set(JAVA_INT, 0, t);
                Bpf.delete(overflowFd, k4);
            }
            for (long k : keys) {
                k4.set(JAVA_INT, 0, tgidOf(k));
                Bpf.delete(commsFd, k4);
            }
        }
    }

    private int keep(int fd) {
        return fds.keep(fd);
    }

    /** Detaches the program and frees the maps (idempotent). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        fds.close();
    }
}
