package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/** perf_event_open(2) and the ioctls on its file descriptors. */
public final class PerfEvents {
    /** Set this system property to force every perf event to be refused, to test the fallbacks. */
    public static final String DISABLE_PROPERTY = "syscost.perf.disable";

    public static final long IOC_ENABLE = 0x2400;
    public static final long IOC_DISABLE = 0x2401;
    public static final long IOC_RESET = 0x2403;
    /** {@code _IOW('$', 8, __u32)}. */
    public static final long IOC_SET_BPF = 0x40042408L;

    private PerfEvents() {}

    /** Whether perf events have been disabled for testing by {@link #DISABLE_PROPERTY}. */
    public static boolean forcedOff() {
        return Boolean.getBoolean(DISABLE_PROPERTY);
    }

    /**
     * perf_event_open(attr, pid, cpu, group_fd, PERF_FLAG_FD_CLOEXEC); throws a {@link NativeException}
     * whose hint names the fix (paranoid level, root, or missing hardware).
     */
    public static int open(MemorySegment attr, int pid, int cpu, int groupFd) {
        if (forcedOff()) {
            throw new NativeException("perf_event_open", Errno.EACCES,
                    "perf events disabled by -D" + DISABLE_PROPERTY + "=true");
        }
        long flagFdCloexec = 8;
        try {
            return (int) Libc.syscallChecked("perf_event_open", null, SyscallTable.x86_64().number("perf_event_open"),
                    attr.address(), pid, cpu, groupFd, flagFdCloexec, 0);
        } catch (NativeException e) {
            throw new NativeException("perf_event_open", e.errno(), hintFor(e.errno()));
        }
    }

    /** The fix for a perf_event_open errno. */
    public static String hintFor(int errno) {
        return switch (errno) {
            case Errno.EACCES, Errno.EPERM -> "perf events not permitted: kernel.perf_event_paranoid="
                    + paranoid() + "; run as root or `sysctl kernel.perf_event_paranoid=1`";
            case Errno.ENOENT, Errno.EOPNOTSUPP -> "this CPU or hypervisor exposes no such event"
                    + " (in a VM, enable the virtual PMU, e.g. KVM `-cpu host,pmu=on`)";
            case Errno.EMFILE -> "raise the open-file limit (ulimit -n)";
            default -> "";
        };
    }

    /** {@code kernel.perf_event_paranoid}, or "unknown". */
    public static String paranoid() {
        try {
            return ProcFiles.read(Path.of("/proc/sys/kernel/perf_event_paranoid")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Reads a counting event's 8-byte value. */
    public static long readCount(int fd, MemorySegment buf8) {
        long n = Libc.read(fd, buf8, 8);
        if (n != 8) {
            throw new NativeException("read(perf fd " + fd + ")", Errno.EINVAL, null);
        }
        return buf8.get(JAVA_LONG, 0);
    }

    /** Opens a disabled counting event for a tracepoint on {@code pid} (0 = the calling thread), any CPU. */
    public static int openTracepointCounter(String group, String name, int pid, long extraFlags) {
        int id = Tracefs.eventId(group, name);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = PerfEventAttr.of(arena, PerfEventAttr.PERF_TYPE_TRACEPOINT, id,
                    PerfEventAttr.DISABLED | extraFlags);
            return open(attr, pid, -1, -1);
        }
    }
}
