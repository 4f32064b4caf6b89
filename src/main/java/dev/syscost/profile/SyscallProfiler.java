package dev.syscost.profile;

import dev.syscost.sys.ProcFiles;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.syscost.sys.Bpf;
import dev.syscost.sys.BpfVerifierException;
import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import dev.syscost.sys.PerfEventAttr;
import dev.syscost.sys.PerfEvents;
import dev.syscost.sys.Tracefs;
import dev.syscost.sys.CpuList;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Exact per-syscall counts of chosen threads and everything they start, counted in the kernel by eBPF
 * on the raw tracepoint {@code sys_enter}; user space reads the per-CPU counts only when asked
 * ({@link #snapshot()}), never per event. Start it, {@link #trackProcess track} a pid, snapshot as
 * often as you like, close it.
 */
public final class SyscallProfiler implements AutoCloseable {
    /** PID_MAX_LIMIT on 64-bit: the most thread ids a kernel hands out. */
    private static final int PID_MAX_LIMIT = 4 * 1024 * 1024;

    private final BpfObjects fds = new BpfObjects();
    private final int tidsFd;
    private final int countsFd;
    private final SyscallHook sysEnter;
    private final int cpus = Bpf.possibleCpus();
    private boolean closed;
    private boolean followersRaw;

    private SyscallProfiler() {
        tidsFd = keep(Bpf.mapCreate(Bpf.MAP_TYPE_ARRAY, 4, 4, pidMax(), "syscost_tids"));
        countsFd = keep(Bpf.mapCreate(Bpf.MAP_TYPE_PERCPU_ARRAY, 4, 8, CountingPrograms.SLOTS + 1, "syscost_counts"));
        SyscallHook hook;
        try {
            dev.syscost.StartupTrace.mark("bpf: maps");
            hook = SyscallHook.load(CountingPrograms.sysEnter(tidsFd, countsFd), "syscost_enter");
        } catch (RuntimeException e) {
            fds.close();
            throw e;
        }
        sysEnter = hook;
        dev.syscost.StartupTrace.mark("bpf: hook loaded");
    }

    /**
     * Loads and attaches the programs; nothing is counted until a thread is tracked. Throws
     * {@link NativeException} (no permission, with the fix) or {@link dev.syscost.sys.BpfVerifierException}.
     */
    public static SyscallProfiler open() {
        return open(true);
    }

    /** {@link #open()}, with the followers on perf-event tracepoints even where raw ones would do when {@code rawFollowers} is false (tests). */
    static SyscallProfiler open(boolean rawFollowers) {
        SyscallProfiler p = new SyscallProfiler();
        try {
            p.attachFollowers(rawFollowers);
            dev.syscost.StartupTrace.mark("bpf: followers");
            p.attach();
            dev.syscost.StartupTrace.mark("bpf: attached");
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /** Opens a profiler that counts every thread of {@code pid} and everything it starts from now on. */
    public static SyscallProfiler attach(int pid) {
        SyscallProfiler p = open();
        try {
            p.trackProcess(pid);
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /**
     * The followers on raw tracepoints where the kernel's BTF gives task_struct's pid (the fork program
     * reads the child's), else on perf-event tracepoints. Detaching a raw tracepoint link costs nothing;
     * closing a perf event that carries a program waits for RCU grace periods (about 50 ms each here).
     */
    private void attachFollowers(boolean raw) {
        OptionalInt pidOffset = TaskPid.offset();
        if (raw && pidOffset.isPresent() && attachFollowersRaw(pidOffset.getAsInt())) {
            followersRaw = true;
            return;
        }
        try {
            String fork = Tracefs.format("sched", "sched_process_fork");
            int parent = CountingPrograms.fieldOffset(fork, "parent_pid");
            int child = CountingPrograms.fieldOffset(fork, "child_pid");
            attachTracepoint("sched_process_fork", load(Bpf.PROG_TYPE_TRACEPOINT,
                    CountingPrograms.fork(tidsFd, parent, child), "syscost_fork"));
        } catch (IOException e) {
            throw new NativeException("read tracepoint sched:sched_process_fork format", dev.syscost.sys.Errno.ENOENT,
                    "mount tracefs (`mount -t tracefs nodev /sys/kernel/tracing`): " + e.getMessage());
        }
        attachTracepoint("sched_process_exec", load(Bpf.PROG_TYPE_TRACEPOINT, CountingPrograms.exec(tidsFd), "syscost_exec"));
        attachTracepoint("sched_process_exit", load(Bpf.PROG_TYPE_TRACEPOINT, CountingPrograms.exit(tidsFd), "syscost_exit"));
    }

    private boolean attachFollowersRaw(int pidOffset) {
        List<Integer> opened = new ArrayList<>();
        try {
            for (var f : List.of(Map.entry("sched_process_fork", CountingPrograms.forkRaw(tidsFd, pidOffset)),
                    Map.entry("sched_process_exec", CountingPrograms.exec(tidsFd)),
                    Map.entry("sched_process_exit", CountingPrograms.exit(tidsFd)))) {
                int prog = load(Bpf.PROG_TYPE_RAW_TRACEPOINT, f.getValue(), f.getKey().equals("sched_process_fork")
                        ? "syscost_fork" : f.getKey().equals("sched_process_exec") ? "syscost_exec" : "syscost_exit");
                opened.add(prog);
                opened.add(Bpf.rawTracepointOpen(f.getKey(), prog));
            }
        } catch (NativeException | BpfVerifierException e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                Libc.close(opened.get(i));
            }
            return false; // the perf-event tracepoints then
        }
        opened.forEach(fds::keep);
        return true;
    }

    /** The byte offset of {@code pid} in the kernel's task_struct, looked up once per process (see {@link ProfilePrefetch}). */
    static final class TaskPid {
        private static final OptionalInt OFFSET = lookup();

        private TaskPid() {}

        static OptionalInt offset() {
            return OFFSET;
        }

        private static OptionalInt lookup() {
            try {
                return KernelBtf.memberOffset("task_struct", "pid");
            } catch (IOException e) {
                return OptionalInt.empty();
            }
        }
    }

    /**
     * Attaches a tracepoint program through one perf event on the first online CPU: the program hangs on
     * the tracepoint itself and runs on every CPU (a second event for the same program is EEXIST), as
     * libbpf does it. The event's samples are never emitted: the program returns 0.
     */
    private void attachTracepoint(String name, int progFd) {
        keep(progFd);
        int id = Tracefs.eventId("sched", name);
        int cpu = CpuList.read("/sys/devices/system/cpu/online").get(0);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment attr = PerfEventAttr.of(a, PerfEventAttr.PERF_TYPE_TRACEPOINT, id, 0);
            PerfEventAttr.samplePeriod(attr, 1);
            int fd = fds.keepEvent(PerfEvents.open(attr, -1, cpu, -1));
            Libc.ioctlChecked("PERF_EVENT_IOC_SET_BPF", fd, PerfEvents.IOC_SET_BPF, progFd);
            Libc.ioctlChecked("PERF_EVENT_IOC_ENABLE", fd, PerfEvents.IOC_ENABLE, 0);
        }
    }

    private int load(int type, BpfAsm program, String name) {
        try (Arena a = Arena.ofConfined()) {
            return Bpf.progLoad(type, program.encode(a), name);
        }
    }

    /** Attaches the counting program to its syscall hook (idempotent). */
    synchronized void attach() {
        sysEnter.attach();
    }

    /** Detaches the counting program: every syscall on the machine takes its untraced path again. */
    synchronized void detach() {
        sysEnter.detach();
    }

    /** Whether the fork, exec and exit followers hang on raw tracepoints (else on perf-event tracepoints). */
    boolean followersOnRawTracepoints() {
        return followersRaw;
    }

    /** Where the counting program hangs (fentry or the raw tracepoint), and why not fentry. */
    public String hook() {
        return sysEnter.describe();
    }

    /**
     * Tracks every thread of {@code pid}, re-reading /proc/PID/task until no new thread appears (a thread
     * started by a thread not yet tracked would otherwise slip through).
     */
    public void trackProcess(int pid) {
        Set<Integer> done = new TreeSet<>();
        track(pid, CountingPrograms.COUNTING);
        done.add(pid);
        while (true) {
            Set<Integer> now = tasks(pid);
            now.removeAll(done);
            if (now.isEmpty()) {
                return;
            }
            for (int tid : now) {
                track(tid, CountingPrograms.COUNTING);
            }
            done.addAll(now);
        }
    }

    /** Tracks {@code tid} from its next exec on: its syscalls before that (the trampoline's) are not counted. */
    public void armOnExec(int tid) {
        track(tid, CountingPrograms.ARMED);
    }

    /** Tracks one thread from now on. */
    public void trackThread(int tid) {
        track(tid, CountingPrograms.COUNTING);
    }

    private void track(int tid, int state) {
        if (tid <= 0 || tid >= pidMax()) {
            throw new IllegalArgumentException("thread id out of range 1.." + (pidMax() - 1) + ": " + tid);
        }
        try (Arena a = Arena.ofConfined()) {
            Bpf.update(tidsFd, a.allocateFrom(JAVA_INT, tid), a.allocateFrom(JAVA_INT, state));
        }
    }

    /** Stops counting {@code tid}. */
    public void untrack(int tid) {
        track(tid, 0);
    }

    /** Thread ids run below kernel.pid_max (read once: raising it later leaves new ids untracked). */
    static int pidMax() {
        try {
            return Math.min(PID_MAX_LIMIT, Integer.parseInt(ProcFiles.read(Path.of("/proc/sys/kernel/pid_max")).strip()));
        } catch (IOException | RuntimeException e) {
            return PID_MAX_LIMIT;
        }
    }

    static Set<Integer> tasks(int pid) {
        Set<Integer> tids = new TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of("/proc", Integer.toString(pid), "task"))) {
            s.forEach(p -> tids.add(Integer.parseInt(p.getFileName().toString())));
        } catch (IOException e) {
            // the process exited: nothing more to track
        }
        return tids;
    }

    /** The counts so far, summed over CPUs (one batch lookup; one lookup per syscall number where batches are missing). */
    public synchronized SyscallCounts snapshot() {
        if (closed) {
            throw new IllegalStateException("profiler closed");
        }
        long[] counts = new long[CountingPrograms.SLOTS + 1];
        if (!snapshotBatch(counts)) {
            snapshotEach(counts);
        }
        return new SyscallCounts(java.util.Arrays.copyOf(counts, CountingPrograms.SLOTS),
                counts[CountingPrograms.ZERO_TIMEOUT_SLOT]);
    }

    /** The counts so far read one bpf lookup per slot, as before batches (tests compare the two). */
    synchronized SyscallCounts snapshotKeyByKey() {
        long[] counts = new long[CountingPrograms.SLOTS + 1];
        snapshotEach(counts);
        return new SyscallCounts(java.util.Arrays.copyOf(counts, CountingPrograms.SLOTS),
                counts[CountingPrograms.ZERO_TIMEOUT_SLOT]);
    }

    /** Every slot in one bpf call; false where the kernel has no batch lookup (before 5.6). */
    private boolean snapshotBatch(long[] counts) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment keys = a.allocate(JAVA_INT, counts.length);
            MemorySegment values = a.allocate(JAVA_LONG, (long) counts.length * cpus);
            int n = Bpf.lookupBatch(countsFd, keys, values, counts.length);
            for (int i = 0; i < n; i++) {
                long sum = 0;
                for (int c = 0; c < cpus; c++) {
                    sum += values.getAtIndex(JAVA_LONG, (long) i * cpus + c);
                }
                counts[keys.getAtIndex(JAVA_INT, i)] = sum;
            }
            return n == counts.length;
        } catch (NativeException e) {
            return false;
        }
    }

    /** Every slot, one bpf lookup each. */
    private void snapshotEach(long[] counts) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment key = a.allocate(JAVA_INT);
            MemorySegment values = a.allocate(JAVA_LONG, cpus);
            for (int nr = 0; nr < counts.length; nr++) {
                key.set(JAVA_INT, 0, nr);
                if (Bpf.lookup(countsFd, key, values)) {
                    long sum = 0;
                    for (int c = 0; c < cpus; c++) {
                        sum += values.getAtIndex(JAVA_LONG, c);
                    }
                    counts[nr] = sum;
                }
            }
        }
    }

    private int keep(int fd) {
        return fds.keep(fd);
    }

    /** The tracked-thread array, for programs that follow the same threads (the --stacks program). */
    int tidsFd() {
        return tidsFd;
    }

    /** Detaches everything and frees the maps (idempotent). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        sysEnter.close();
        dev.syscost.StartupTrace.mark("bpf: detached");
        fds.close();
        dev.syscost.StartupTrace.mark("bpf: closed");
    }
}
