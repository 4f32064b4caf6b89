package dev.syscost.profile;

import dev.syscost.InvalidSettingException;
import dev.syscost.SettingNotPermittedException;
import dev.syscost.sys.BpfVerifierException;
import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import dev.syscost.sys.PerfEventAttr;
import dev.syscost.sys.PerfEvents;
import dev.syscost.sys.Processes;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs a command, or attaches to a process, and counts its syscalls with the best backend allowed. */
public final class ProfileRun {
    /**
     * @param backend    the backend to force, or null for the best one permitted
     * @param crossCheck also count the total with a perf event beside the bpf counts (costs speed)
     * @param duration   how long to attach for, or null for until the process exits or Ctrl-C
     */
    public record Options(Backend backend, boolean crossCheck, Duration duration, StackProfiler.Options stacks) {
        public Options(Backend backend, boolean crossCheck, Duration duration) {
            this(backend, crossCheck, duration, null);
        }
    }

    private record Opened(Backend backend, SyscallProfiler profiler, String fallbackReason) {}

    private ProfileRun() {}

    /** Runs {@code command} with stdio untouched, counting from its exec until it exits. */
    public static Measurement run(List<String> command, Options options) {
        Trampoline.resolve(command.get(0)); // fail as a shell would before loading anything
        java.util.Map<String, String> env = options.stacks() == null ? java.util.Map.of()
                : StackSession.javaEnvironment(System.getenv("JAVA_TOOL_OPTIONS"));
        // The shell starts up (tens of ms of exec) while the programs load; it waits at the gate for both.
        Trampoline spawned = Trampoline.spawn(command, env);
        Opened b;
        try {
            b = openBackend(options.stacks() != null ? Backend.BPF : options.backend());
        } catch (RuntimeException | Error e) {
            spawned.close();
            throw e;
        }
        dev.syscost.StartupTrace.mark("run: backend open");
        List<Integer> perfFds = new ArrayList<>();
        StackSession stacks = null;
        try (Trampoline t = spawned.ready(); Arena arena = Arena.ofConfined()) {
            if (b.profiler() != null) {
                b.profiler().armOnExec(t.pid());
            }
            if (options.stacks() != null) {
                stacks = StackSession.start(b.profiler(), options.stacks(), t.pid(), true);
            }
            if (b.backend() == Backend.PERF || options.crossCheck() && b.backend() == Backend.BPF) {
                perfFds.add(PerfEvents.openTracepointCounter("raw_syscalls", "sys_enter", t.pid(),
                        PerfEventAttr.INHERIT | PerfEventAttr.ENABLE_ON_EXEC));
            }
            ProcStats before = ProcStats.read(t.pid()).orElse(null);
            SignalRelay.route(sig -> {
                if (sig != Processes.SIGINT || !SignalRelay.inTerminalForeground()) { // SIGTERM, SIGHUP
                    t.signalCommand(sig);
                }
            });
            long cpu0 = processCpuNs(arena);
            dev.syscost.StartupTrace.mark("run: child ready");
            long t0 = System.nanoTime();
            t.resume();
            boolean stopped = t.awaitGate();
            long wallNs = System.nanoTime() - t0;
            long profilerCpuNs = processCpuNs(arena) - cpu0;
            SyscallCounts counts = b.profiler() == null ? null : b.profiler().snapshot();
            Long perfTotal = perfFds.isEmpty() ? null : sum(perfFds, arena.allocate(8));
            CallSites.Report sites = stacks == null ? null : stacks.finish();
            ProcStats after = stopped ? ProcStats.read(t.pid()).orElse(null) : null;
            t.resume();
            int status = t.waitFor();
            dev.syscost.StartupTrace.mark("run: child exited");
            ProcStats delta = before != null && after != null ? after.minus(before).minus(Trampoline.GATE_IO) : null;
            return new Measurement("run", List.copyOf(command), t.pid(), b.backend(), b.fallbackReason(), wallNs,
                    status, counts, perfTotal, delta, true, false, hookOf(b), profilerCpuNs, sites);
        } finally {
            SignalRelay.release();
            if (stacks != null) {
                stacks.close();
            }
            perfFds.forEach(Libc::close);
            if (b.profiler() != null) {
                b.profiler().close();
            }
        }
    }

    /** Attaches to every thread of {@code pid} (and what it starts) until the duration ends, Ctrl-C, or it exits. */
    public static Measurement attach(int pid, Options options) {
        checkAttachable(pid);
        Opened b = openBackend(options.stacks() != null ? Backend.BPF : options.backend());
        List<Integer> perfFds = new ArrayList<>();
        CountDownLatch stop = new CountDownLatch(1);
        StackSession stacks = null;
        try (Arena arena = Arena.ofConfined()) {
            if (options.stacks() != null) {
                stacks = StackSession.start(b.profiler(), options.stacks(), pid, false);
            }
            if (b.profiler() != null) {
                b.profiler().trackProcess(pid);
            }
            if (b.backend() == Backend.PERF || options.crossCheck() && b.backend() == Backend.BPF) {
                for (int tid : SyscallProfiler.tasks(pid)) {
                    int fd = PerfEvents.openTracepointCounter("raw_syscalls", "sys_enter", tid, PerfEventAttr.INHERIT);
                    perfFds.add(fd);
                    Libc.ioctlChecked("PERF_EVENT_IOC_ENABLE", fd, PerfEvents.IOC_ENABLE, 0);
                }
            }
            // null when /proc/PID/io is not ours to read (another user namespace's process): counts still work
            ProcStats before = ProcStats.read(pid).orElse(null);
            ProcStats last = before;
            SignalRelay.route(sig -> stop.countDown());
            long cpu0 = processCpuNs(arena);
            long t0 = System.nanoTime();
            long endNs = options.duration() == null ? Long.MAX_VALUE : t0 + options.duration().toNanos();
            boolean exited = false;
            while (System.nanoTime() < endNs && !await(stop, Math.min(100_000_000L, endNs - System.nanoTime()))) {
                char state = ProcStats.state(pid);
                if (state == '?' || state == 'Z' || state == 'X') {
                    exited = true;
                    break;
                }
                last = ProcStats.read(pid).orElse(last);
            }
            long wallNs = System.nanoTime() - t0;
            if (!exited) {
                last = ProcStats.read(pid).orElse(last);
            }
            SyscallCounts counts = b.profiler() == null ? null : b.profiler().snapshot();
            Long perfTotal = perfFds.isEmpty() ? null : sum(perfFds, arena.allocate(8));
            CallSites.Report sites = stacks == null ? null : stacks.finish();
            long profilerCpuNs = processCpuNs(arena) - cpu0;
            return new Measurement("attach", List.of(), pid, b.backend(), b.fallbackReason(), wallNs, null, counts,
                    perfTotal, before == null || last == null ? null : last.minus(before), false, exited, hookOf(b),
                    profilerCpuNs, sites);
        } finally {
            SignalRelay.release();
            if (stacks != null) {
                stacks.close();
            }
            perfFds.forEach(Libc::close);
            if (b.profiler() != null) {
                b.profiler().close();
            }
        }
    }

    private static boolean await(CountDownLatch latch, long ns) {
        try {
            return latch.await(Math.max(1, ns), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static String hookOf(Opened b) {
        return b.profiler() == null ? null : b.profiler().hook();
    }

    /** CPU time of this whole process (every thread: the JIT and GC too), from CLOCK_PROCESS_CPUTIME_ID. */
    private static long processCpuNs(Arena arena) {
        MemorySegment ts = arena.allocate(16, 8);
        if (Libc.clockGettime(CLOCK_PROCESS_CPUTIME_ID, ts) != 0) {
            return 0;
        }
        return ts.get(java.lang.foreign.ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + ts.get(java.lang.foreign.ValueLayout.JAVA_LONG, 8);
    }

    private static final int CLOCK_PROCESS_CPUTIME_ID = 2;

    /** Fails at once, with the fix, where --stacks cannot work: no permission for bpf. */
    public static void checkStacksPossible() {
        Libc.close(dev.syscost.sys.Bpf.mapCreate(dev.syscost.sys.Bpf.MAP_TYPE_ARRAY, 4, 4, 1, "syscost_probe"));
    }

    /**
     * Refuses a pid that is not there or not ours, with the fix: an {@link InvalidSettingException} for a
     * pid to replace, a {@link SettingNotPermittedException} for one this user may not profile.
     */
    public static void checkAttachable(int pid) {
        if (pid <= 0) {
            throw notAPid(pid);
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new InvalidSettingException("pid", pid + " is syscost itself; give another process", null);
        }
        if (!Files.isDirectory(Path.of("/proc", Integer.toString(pid)))) {
            throw gone(pid);
        }
        if (ProcStats.isKernelThread(pid)) {
            throw new InvalidSettingException("pid", pid + " is a kernel thread (" + ProcStats.comm(pid)
                    + "): it runs only in the kernel and makes no syscalls to count; give a user-space process", null);
        }
        try {
            Processes.kill(pid, 0);
        } catch (NativeException e) {
            if (e.errno() == dev.syscost.sys.Errno.ESRCH) {
                throw gone(pid);
            }
            throw new SettingNotPermittedException("pid", pid + ": not ours to profile (" + e.errnoName()
                    + "); run syscost as root or as the process's owner");
        }
    }

    /** "pid must be a positive process id: 0". */
    static InvalidSettingException notAPid(int pid) {
        return new InvalidSettingException("pid", "must be a positive process id", Integer.toString(pid));
    }

    private static InvalidSettingException gone(int pid) {
        return new InvalidSettingException("pid", pid + ": no such process (it exited or never existed); check it with `ps -p " + pid + "`", null);
    }

    private static long sum(List<Integer> fds, MemorySegment buf) {
        long total = 0;
        for (int fd : fds) {
            total += PerfEvents.readCount(fd, buf);
        }
        return total;
    }

    /** The forced backend, or the best permitted one with the reason the better ones were refused. */
    static Opened openBackend(Backend forced) {
        String reason = null;
        if (forced == null || forced == Backend.BPF) {
            try {
                return new Opened(Backend.BPF, SyscallProfiler.open(), null);
            } catch (NativeException | BpfVerifierException e) {
                if (forced == Backend.BPF) {
                    throw e;
                }
                reason = "bpf: " + e.getMessage();
            }
        }
        if (forced == null || forced == Backend.PERF) {
            try {
                Libc.close(PerfEvents.openTracepointCounter("raw_syscalls", "sys_enter", 0, 0));
                return new Opened(Backend.PERF, null, reason);
            } catch (NativeException e) {
                if (forced == Backend.PERF) {
                    throw e;
                }
                reason = (reason == null ? "" : reason + "; ") + "perf: " + e.getMessage();
            }
        }
        return new Opened(Backend.PROC, null, reason);
    }
}
