package dev.syscost.sys;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of user-only hardware counters on the calling thread (FlexSC's method): cycles, instructions,
 * L1D, LLC and dTLB read misses, branch misses. {@code exclude_kernel} and {@code exclude_hv} are set, so
 * a syscall's own work is not counted, only what it leaves behind in user mode. The group is read in one
 * {@code read(2)} with {@code PERF_FORMAT_GROUP | TOTAL_TIME_ENABLED | TOTAL_TIME_RUNNING}, so all values
 * share one time base and multiplexing can be corrected for.
 */
public final class PmuCounters implements AutoCloseable {
    public static final long FORMAT_TOTAL_TIME_ENABLED = 1;
    public static final long FORMAT_TOTAL_TIME_RUNNING = 2;
    public static final long FORMAT_GROUP = 8;
    /** The read_format every group here uses; {@link #parse} expects its layout. */
    public static final long READ_FORMAT = FORMAT_GROUP | FORMAT_TOTAL_TIME_ENABLED | FORMAT_TOTAL_TIME_RUNNING;
    private static final long IOC_FLAG_GROUP = 1;
    private static final VarHandle READ_FORMAT_FIELD = PerfEventAttr.LAYOUT.varHandle(groupElement("read_format"));

    /** One counter: its perf type and config (HW_CACHE configs are id | op << 8 | result << 16). */
    public enum Event {
        CYCLES("cycles", PerfEventAttr.PERF_TYPE_HARDWARE, PerfEventAttr.PERF_COUNT_HW_CPU_CYCLES),
        INSTRUCTIONS("instructions", PerfEventAttr.PERF_TYPE_HARDWARE, PerfEventAttr.PERF_COUNT_HW_INSTRUCTIONS),
        L1D_MISSES("l1dMisses", PerfEventAttr.PERF_TYPE_HW_CACHE, cache(0)),
        LLC_MISSES("llcMisses", PerfEventAttr.PERF_TYPE_HW_CACHE, cache(2)),
        DTLB_MISSES("dtlbMisses", PerfEventAttr.PERF_TYPE_HW_CACHE, cache(3)),
        BRANCH_MISSES("branchMisses", PerfEventAttr.PERF_TYPE_HARDWARE, PerfEventAttr.PERF_COUNT_HW_BRANCH_MISSES);

        private final String key;
        private final int type;
        private final long config;

        Event(String key, int type, long config) {
            this.key = key;
            this.type = type;
            this.config = config;
        }

        /** Cache {@code id}, op READ (0), result MISS (1). */
        private static long cache(int id) {
            return id | (0L << 8) | (1L << 16);
        }

        /** The JSON key of this counter. */
        public String key() {
            return key;
        }
    }

    /** One group read: the time the group was enabled and running, and one value per event, in group order. */
    public record Reading(long timeEnabledNs, long timeRunningNs, long[] values) {}

    private final int[] fds;
    private final List<Event> events;
    private final List<String> missing;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment buf;

    private PmuCounters(int[] fds, List<Event> events, List<String> missing) {
        this.fds = fds;
        this.events = List.copyOf(events);
        this.missing = List.copyOf(missing);
        this.buf = arena.allocate(8L * (3 + fds.length), 8);
    }

    /**
     * Opens the group on the calling thread, disabled. Cycles must open (else {@link NativeException} with
     * the fix); a member this CPU lacks is left out and named by {@link #missing()}.
     */
    public static PmuCounters openUserOnly() {
        List<Integer> fds = new ArrayList<>();
        List<Event> opened = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try {
            for (Event e : Event.values()) {
                int leader = fds.isEmpty() ? -1 : fds.get(0);
                try {
                    fds.add(open(e, leader));
                    opened.add(e);
                } catch (NativeException ex) {
                    if (leader == -1 || !(ex.errno() == Errno.ENOENT || ex.errno() == Errno.EOPNOTSUPP)) {
                        throw ex;
                    }
                    missing.add(e.key() + " (" + ex.errnoName() + ")");
                }
            }
        } catch (RuntimeException ex) {
            fds.forEach(Libc::close);
            throw ex;
        }
        return new PmuCounters(fds.stream().mapToInt(Integer::intValue).toArray(), opened, missing);
    }

    private static int open(Event e, int leader) {
        try (Arena a = Arena.ofConfined()) {
            long flags = PerfEventAttr.EXCLUDE_KERNEL | PerfEventAttr.EXCLUDE_HV
                    | (leader == -1 ? PerfEventAttr.DISABLED : 0);
            MemorySegment attr = PerfEventAttr.of(a, e.type, e.config, flags);
            READ_FORMAT_FIELD.set(attr, 0L, READ_FORMAT);
            return PerfEvents.open(attr, 0, -1, leader);
        }
    }

    /** The events in group order (the order of {@link Reading#values()}). */
    public List<Event> events() {
        return events;
    }

    /** Events this CPU does not expose, with the errno that said so. */
    public List<String> missing() {
        return missing;
    }

    /** Zeroes and starts the whole group. */
    public void start() {
        Libc.ioctlChecked("PERF_EVENT_IOC_RESET", fds[0], PerfEvents.IOC_RESET, IOC_FLAG_GROUP);
        Libc.ioctlChecked("PERF_EVENT_IOC_ENABLE", fds[0], PerfEvents.IOC_ENABLE, IOC_FLAG_GROUP);
    }

    /** Stops the whole group. */
    public void stop() {
        Libc.ioctlChecked("PERF_EVENT_IOC_DISABLE", fds[0], PerfEvents.IOC_DISABLE, IOC_FLAG_GROUP);
    }

    /** Reads the group in one read(2). */
    public Reading read() {
        long want = buf.byteSize();
        long n = Libc.read(fds[0], buf, want);
        if (n != want) {
            throw new NativeException("read(perf group)", Errno.EINVAL, "the group read returned " + n + " bytes, not " + want);
        }
        return parse(buf.toArray(JAVA_LONG));
    }

    /**
     * Parses a group read in {@link #READ_FORMAT}'s layout (perf_event_open(2), "Reading results"):
     * {@code u64 nr; u64 time_enabled; u64 time_running; u64 value[nr];}.
     */
    public static Reading parse(long[] words) {
        if (words.length < 3 || words[0] < 1 || words[0] != words.length - 3) {
            throw new IllegalArgumentException("not a PERF_FORMAT_GROUP read: nr=" + (words.length > 0 ? words[0] : -1)
                    + " with " + words.length + " words");
        }
        long[] values = new long[(int) words[0]];
        System.arraycopy(words, 3, values, 0, values.length);
        return new Reading(words[1], words[2], values);
    }

    @Override
    public void close() {
        for (int fd : fds) {
            Libc.close(fd);
        }
        arena.close();
    }
}
