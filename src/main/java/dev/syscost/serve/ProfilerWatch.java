package dev.syscost.serve;

import dev.syscost.SyscostException;
import dev.syscost.profile.SyscallCounts;
import dev.syscost.profile.SyscallProfiler;
import dev.syscost.sys.NativeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact {@link ProcessWatch}: {@code syscost profile}'s in-kernel per-syscall counter attached to
 * every thread of the process and whatever it starts. Counts are read from the per-CPU map only when
 * scraped, so watching costs the process one map lookup per syscall and no wake-ups.
 */
public final class ProfilerWatch implements ProcessWatch {
    private final int pid;
    private final SyscallProfiler profiler;

    private ProfilerWatch(int pid, SyscallProfiler profiler) {
        this.pid = pid;
        this.profiler = profiler;
    }

    /** Attaches; throws {@link SyscostException} (with the reason) where bpf is not permitted. */
    public static ProfilerWatch open(int pid) {
        try {
            return new ProfilerWatch(pid, SyscallProfiler.attach(pid));
        } catch (NativeException e) {
            throw new SyscostException("exact syscall counting unavailable for " + pid + ": " + e.getMessage(), e);
        }
    }

    /** The exact counter where permitted, else {@link ProcIoWatch} (read/write families from /proc). */
    public static ProcessWatch openBest(int pid) {
        if (!Files.isDirectory(Path.of("/proc", Integer.toString(pid)))) {
            return ProcIoWatch.open(pid); // names the missing pid in its one-line error
        }
        try {
            return open(pid);
        } catch (SyscostException | dev.syscost.sys.BpfVerifierException e) {
            return ProcIoWatch.open(pid);
        }
    }

    @Override
    public Map<String, Long> counts() {
        SyscallCounts snapshot = profiler.snapshot();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SyscallCounts.Entry e : snapshot.entries()) {
            counts.put(e.name(), e.count());
        }
        return counts;
    }

    @Override
    public boolean alive() {
        return Files.isDirectory(Path.of("/proc", Integer.toString(pid)));
    }

    @Override
    public String source() {
        return "in-kernel per-syscall counter (eBPF on raw_syscalls:sys_enter, every thread and child)";
    }

    @Override
    public void close() {
        profiler.close();
    }
}
