package dev.syscost.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rules that turn a profile into advice; each states its threshold and what it saw. */
public final class Advice {
    /** Below this many calls a pattern is not worth a word. */
    static final long MIN_CALLS = 1000;
    /** Read/write calls averaging fewer bytes than this are "tiny". */
    static final double TINY_BYTES = 512;
    static final double CLOCK_CALLS = 1000;
    static final double FUTEX_PER_SEC = 10_000;
    static final double SMALL_MSG_PER_SEC = 10_000;
    static final double POLL_PER_SEC = 10_000;
    static final double ZERO_WAITS_PER_SEC = 1000;
    static final double STAT_SHARE = 0.20;
    static final double MMAP_PER_SEC = 1000;

    /** One piece of advice; {@code callSites} (with {@code --stacks}) names the code behind it, else null. */
    public record Item(String rule, String threshold, String observed, String advice,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       List<AdviceSites.Site> callSites) {
        public Item(String rule, String threshold, String observed, String advice) {
            this(rule, threshold, observed, advice, null);
        }
    }

    /**
     * What the rules look at: counts by syscall name, the run's length, /proc's read/write accounting,
     * and the poll/epoll_wait/epoll_pwait calls seen with a zero timeout (-1 when not measured).
     */
    public record Facts(Map<String, Long> counts, long totalSyscalls, double wallSeconds,
                        long readCalls, long writeCalls, long readBytes, long writeBytes, long zeroTimeoutWaits) {
        public Facts(Map<String, Long> counts, long totalSyscalls, double wallSeconds,
                     long readCalls, long writeCalls, long readBytes, long writeBytes) {
            this(counts, totalSyscalls, wallSeconds, readCalls, writeCalls, readBytes, writeBytes, -1);
        }

        long count(String... names) {
            long sum = 0;
            for (String n : names) {
                sum += counts.getOrDefault(n, 0L);
            }
            return sum;
        }

        double perSec(long n) {
            return wallSeconds > 0 ? n / wallSeconds : 0;
        }
    }

    private Advice() {}

    /** Every rule that fires, in a fixed order. */
    public static List<Item> evaluate(Facts f) {
        List<Item> out = new ArrayList<>();
        tinyIo(f, out);
        clock(f, out);
        long futex = f.count("futex", "futex_waitv");
        if (futex >= MIN_CALLS && f.perSec(futex) >= FUTEX_PER_SEC) {
            out.add(new Item("futex-storm", "≥ " + n(FUTEX_PER_SEC) + " futex calls/s", rate(futex, f),
                    "threads contend on locks (every futex call is a lock or condition that could not be taken in user space): shard the lock, hold it shorter, or hand work over in batches"));
        }
        long msgs = f.count("sendto", "recvfrom", "sendmsg", "recvmsg");
        if (msgs >= MIN_CALLS && f.perSec(msgs) >= SMALL_MSG_PER_SEC) {
            out.add(new Item("small-messages", "≥ " + n(SMALL_MSG_PER_SEC) + " sendto/recvfrom/sendmsg/recvmsg calls/s",
                    rate(msgs, f), "one message per syscall: batch with sendmmsg/recvmmsg (UDP), or coalesce writes (TCP: one larger write, or MSG_MORE/TCP_CORK)"));
        }
        busyPolling(f, out);
        long stats = f.count("fstat", "newfstatat", "stat", "lstat", "statx", "lseek");
        if (stats >= MIN_CALLS && f.totalSyscalls() > 0 && stats >= STAT_SHARE * f.totalSyscalls()) {
            out.add(new Item("stat-storm", "fstat/stat/statx/lseek ≥ " + pct(STAT_SHARE) + " of all calls", String.format(
                    Locale.ROOT, "%d calls, %s of all", stats, pct(stats / (double) f.totalSyscalls())),
                    "the same metadata asked again and again: cache sizes and positions, use pread/pwrite instead of lseek + read"));
        }
        long maps = f.count("mmap", "munmap", "mremap", "madvise");
        if (maps >= MIN_CALLS && f.perSec(maps) >= MMAP_PER_SEC) {
            out.add(new Item("mmap-churn", "≥ " + n(MMAP_PER_SEC) + " mmap/munmap/mremap/madvise calls/s", rate(maps, f),
                    "memory is mapped and returned over and over (often malloc trimming large blocks): reuse buffers, raise M_MMAP_THRESHOLD/M_TRIM_THRESHOLD, or use a pooling allocator"));
        }
        return out;
    }

    private static void tinyIo(Facts f, List<Item> out) {
        long calls = f.readCalls() + f.writeCalls();
        if (calls < MIN_CALLS) {
            return;
        }
        double bytesPerCall = (f.readBytes() + f.writeBytes()) / (double) calls;
        if (bytesPerCall < TINY_BYTES) {
            out.add(new Item("tiny-io", "read/write family averaging < " + n(TINY_BYTES) + " bytes per call over ≥ "
                    + MIN_CALLS + " calls", String.format(Locale.ROOT, "%d calls, %.1f bytes per call (/proc/PID/io)",
                    calls, bytesPerCall), "buffer: read and write in blocks of 4 KiB or more (BufferedOutputStream, setvbuf, dd bs=64k), or batch with readv/writev"));
        }
    }

    private static void busyPolling(Facts f, List<Item> out) {
        String fix = "block with a timeout, drain until EAGAIN, or use edge-triggered epoll";
        long zero = f.zeroTimeoutWaits();
        if (zero >= 0) {
            if (zero >= MIN_CALLS && f.perSec(zero) >= ZERO_WAITS_PER_SEC) {
                out.add(new Item("busy-polling", "≥ " + n(ZERO_WAITS_PER_SEC) + " poll/epoll_wait/epoll_pwait calls/s with a zero timeout",
                        rate(zero, f) + " with timeout 0 (read from the syscall's arguments)", "the thread spins in the kernel asking for nothing: " + fix));
            }
            return;
        }
        long polls = f.count("poll", "ppoll", "select", "pselect6", "epoll_wait", "epoll_pwait", "epoll_pwait2");
        if (polls >= MIN_CALLS && f.perSec(polls) >= POLL_PER_SEC) {
            out.add(new Item("busy-polling", "≥ " + n(POLL_PER_SEC) + " poll/select/epoll_wait calls/s", rate(polls, f),
                    "at this rate the waits return at once: a zero timeout (busy polling) or level-triggered readiness never drained; " + fix));
        }
    }

    private static void clock(Facts f, List<Item> out) {
        long clocks = f.count("clock_gettime", "gettimeofday", "time");
        if (clocks >= CLOCK_CALLS) {
            out.add(new Item("clock-syscalls", "≥ " + n(CLOCK_CALLS) + " clock_gettime/gettimeofday/time calls reaching the kernel",
                    rate(clocks, f), "these should be answered by the vDSO without entering the kernel: the clock source ("
                    + clocksource() + ") or the clock id does not support it; use CLOCK_MONOTONIC/REALTIME on a tsc clocksource, or call the time less often"));
        }
    }

    static String clocksource() {
        try {
            return "current_clocksource " + dev.syscost.sys.ProcFiles.read(
                    java.nio.file.Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String rate(long n, Facts f) {
        return String.format(Locale.ROOT, "%d calls, %.0f/s", n, f.perSec(n));
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
