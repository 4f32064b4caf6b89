package dev.syscost.profile;

import dev.syscost.sys.ProcFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What /proc says about one process: its I/O accounting ({@code /proc/PID/io}), CPU times
 * ({@code /proc/PID/stat}, in USER_HZ ticks: 100 per second, fixed by the x86 Linux ABI) and
 * context switches ({@code /proc/PID/task/TID/status}, summed over live threads).
 *
 * @param readCalls   syscr: read-family syscalls (read, readv, pread64, preadv, …)
 * @param writeCalls  syscw: write-family syscalls
 * @param readBytes   rchar: bytes those returned (also from pipes, sockets, ttys)
 * @param writeBytes  wchar
 * @param childUserTicks   cutime: reaped children's user time
 * @param childSystemTicks cstime
 */
public record ProcStats(long readCalls, long writeCalls, long readBytes, long writeBytes,
                        long userTicks, long systemTicks, long childUserTicks, long childSystemTicks,
                        long voluntarySwitches, long involuntarySwitches) {
    /** USER_HZ: the unit of the times in /proc/PID/stat (the ABI constant, not the kernel's HZ). */
    public static final long TICKS_PER_SECOND = 100;

    /** Reads the process's counters, or empty when it is gone or unreadable. */
    public static Optional<ProcStats> read(int pid) {
        Path dir = Path.of("/proc", Integer.toString(pid));
        try {
            String io = ProcFiles.read(dir.resolve("io"));
            String stat = ProcFiles.read(dir.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": f[0] is state (field 3), so field N is f[N - 3]
            long[] switches = switches(dir);
            return Optional.of(new ProcStats(ioField(io, "syscr"), ioField(io, "syscw"), ioField(io, "rchar"),
                    ioField(io, "wchar"), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                    Long.parseLong(f[14]), switches[0], switches[1]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The scheduler state letter (R, S, T, Z…) of {@code pid}, or '?' when it is gone. */
    public static char state(int pid) {
        try {
            String stat = ProcFiles.read(Path.of("/proc", Integer.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException e) {
            return '?';
        }
    }

    /** PF_KTHREAD in the flags of /proc/PID/stat (field 9): a kernel thread, with no user space. */
    private static final long PF_KTHREAD = 0x00200000;

    /** Whether {@code pid} is a kernel thread (false when gone or unreadable). */
    public static boolean isKernelThread(int pid) {
        try {
            String stat = ProcFiles.read(Path.of("/proc", Integer.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[9 - 3]) & PF_KTHREAD) != 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The process's command name from /proc/PID/comm, or "?" when unreadable. */
    public static String comm(int pid) {
        try {
            return ProcFiles.read(Path.of("/proc", Integer.toString(pid), "comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** This snapshot minus an earlier one of the same process. */
    public ProcStats minus(ProcStats e) {
        return new ProcStats(readCalls - e.readCalls, writeCalls - e.writeCalls, readBytes - e.readBytes,
                writeBytes - e.writeBytes, userTicks - e.userTicks, systemTicks - e.systemTicks,
                childUserTicks - e.childUserTicks, childSystemTicks - e.childSystemTicks,
                voluntarySwitches - e.voluntarySwitches, involuntarySwitches - e.involuntarySwitches);
    }

    private static long ioField(String io, String key) {
        for (String line : io.split("\n")) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).strip());
            }
        }
        throw new IllegalArgumentException("no " + key + " in /proc/PID/io");
    }

    private static long[] switches(Path dir) throws IOException {
        long[] sum = new long[2];
        try (var tasks = Files.list(dir.resolve("task"))) {
            for (Path t : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum[0] += Long.parseLong(line.substring(24).strip());
                        } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum[1] += Long.parseLong(line.substring(27).strip());
                        }
                    }
                } catch (IOException e) {
                    // the thread exited between listing and reading
                }
            }
        }
        return sum;
    }
}
