package dev.syscost.serve;

import java.util.Map;

/**
 * Counts one watched process's syscalls for {@code syscost serve --watch PID}. The hook through which a
 * counting backend plugs in: the profile command's exact in-kernel counter
 * ({@code profile.SyscallProfiler.attach(pid)}) where perf/bpf are permitted, else {@link ProcIoWatch}.
 */
public interface ProcessWatch extends AutoCloseable {
    /** Opens a watch on a pid. */
    @FunctionalInterface
    interface Opener {
        ProcessWatch open(int pid);
    }

    /** Syscall counts by name (monotonic), or empty once the process is gone. */
    Map<String, Long> counts();

    /** Whether the process still runs. */
    boolean alive();

    /** How the counts are obtained, for the metric's help and the startup line. */
    String source();

    /** Releases the counting resources (never throws). */
    @Override
    void close();
}
