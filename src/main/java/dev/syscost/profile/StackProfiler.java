package dev.syscost.profile;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.syscost.sys.Bpf;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the tracked threads' syscalls per (process, syscall, user stack) in the kernel, with
 * {@link StackPrograms}; user space reads the maps once, at {@link #snapshot()}.
 */
public final class StackProfiler implements AutoCloseable {
    /** The deepest user stack the kernel walks (kernel.perf_event_max_stack's default, and the map's value size). */
    public static final int MAX_DEPTH = 127;

    /**
     * @param period          walk one call in N, at random (1: every call, exact counts)
     * @param stackMapEntries distinct stacks the kernel can hold (a power of two; each takes about 1 KiB)
     * @param siteEntries     distinct (process, syscall, stack) keys counted
     */
    public record Options(int period, int stackMapEntries, int siteEntries) {
        public static final Options DEFAULT = new Options(1, 32_768, 65_536);

        public Options withPeriod(int n) {
            return new Options(n, stackMapEntries, siteEntries);
        }
    }

    /** One counted key: stackId is a stack map id, or -errno when the walk's id failed. */
    public record Site(int tgid, int nr, int stackId, long count) {}

    /** What the kernel counted: sites, the stacks they name (return addresses, innermost first), the drops. */
    public record Snapshot(List<Site> sites, Map<Integer, long[]> stacks, long hashFull, int period) {}

    private final BpfObjects fds = new BpfObjects();
    private final Options options;
    private final int stackMapFd;
    private final int sitesFd;
    private final int statsFd;
    private final int cpus = Bpf.possibleCpus();
    private boolean closed;

    private StackProfiler(SyscallProfiler counter, Options options) {
        this.options = options;
        stackMapFd = keep(Bpf.mapCreate(Bpf.MAP_TYPE_STACK_TRACE, 4, 8 * MAX_DEPTH, options.stackMapEntries(), "syscost_stacks"));
        sitesFd = keep(Bpf.mapCreate(Bpf.MAP_TYPE_HASH, StackPrograms.KEY_SIZE, 8, options.siteEntries(), "syscost_sites"));
        statsFd = keep(Bpf.mapCreate(Bpf.MAP_TYPE_PERCPU_ARRAY, 4, 8, StackPrograms.STATS_SLOTS, "syscost_sstats"));
        BpfAsm program = StackPrograms.sysEnter(counter.tidsFd(), options.period(), stackMapFd, sitesFd, statsFd);
        int progFd;
        try (Arena a = Arena.ofConfined()) {
            progFd = keep(Bpf.progLoad(Bpf.PROG_TYPE_RAW_TRACEPOINT, program.encode(a), "syscost_stack"));
        }
        keep(Bpf.rawTracepointOpen("sys_enter", progFd));
    }

    /** Loads and attaches the stack program beside {@code counter}, following the same threads. */
    public static StackProfiler attach(SyscallProfiler counter, Options options) {
        if (options.period() < 1) {
            throw new IllegalArgumentException("stack period must be at least 1: " + options.period());
        }
        return new StackProfiler(counter, options);
    }

    public Options options() {
        return options;
    }

    /** Reads every counted site and the stacks they name. */
    public synchronized Snapshot snapshot() {
        if (closed) {
            throw new IllegalStateException("stack profiler closed");
        }
        List<Site> sites = new ArrayList<>();
        Map<Integer, long[]> stacks = new HashMap<>();
        long hashFull = 0;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment key = a.allocate(StackPrograms.KEY_SIZE, 8);
            MemorySegment next = a.allocate(StackPrograms.KEY_SIZE, 8);
            MemorySegment value = a.allocate(JAVA_LONG);
            MemorySegment ips = a.allocate(8L * MAX_DEPTH, 8);
            MemorySegment prev = MemorySegment.NULL;
            while (Bpf.nextKey(sitesFd, prev, next)) {
                MemorySegment.copy(next, 0, key, 0, StackPrograms.KEY_SIZE);
                prev = key;
                if (!Bpf.lookup(sitesFd, key, value)) {
                    continue;
                }
                int stackId = key.get(JAVA_INT, 8);
                sites.add(new Site(key.get(JAVA_INT, 0), key.get(JAVA_INT, 4), stackId, value.get(JAVA_LONG, 0)));
                if (stackId >= 0 && !stacks.containsKey(stackId)) {
                    ips.fill((byte) 0);
                    stacks.put(stackId, Bpf.lookup(stackMapFd, a.allocateFrom(JAVA_INT, stackId), ips) ? trim(ips) : new long[0]);
                }
            }
            MemorySegment stats = a.allocate(JAVA_LONG, cpus);
            if (Bpf.lookup(statsFd, a.allocateFrom(JAVA_INT, StackPrograms.HASH_FULL_SLOT), stats)) {
                for (int c = 0; c < cpus; c++) {
                    hashFull += stats.getAtIndex(JAVA_LONG, c);
                }
            }
        }
        return new Snapshot(sites, stacks, hashFull, options.period());
    }

    private static long[] trim(MemorySegment ips) {
        int n = 0;
        while (n < MAX_DEPTH && ips.getAtIndex(JAVA_LONG, n) != 0) {
            n++;
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = ips.getAtIndex(JAVA_LONG, i);
        }
        return out;
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
