package dev.syscost;

import java.util.Locale;

/**
 * A hidden start-up timeline for whoever tunes syscost's own start: with {@code SYSCOST_TRACE_STARTUP=1}
 * in the environment, each {@link #mark} prints "syscost-trace: 123.4 ms (thread CPU 56.7 ms) name [thread]" on
 * stderr: milliseconds since the process started (the launcher script's own start), and the thread's CPU time. Off (one static boolean read) otherwise.
 */
public final class StartupTrace {
    /** The environment variable that turns the timeline on. */
    public static final String ENV = "SYSCOST_TRACE_STARTUP";

    private static final boolean ON = "1".equals(System.getenv(ENV));
    private static final long ORIGIN_NS = ON ? originNs() : 0;

    private StartupTrace() {}

    /** Whether the timeline is on. */
    public static boolean on() {
        return ON;
    }

    /** Prints the time since the process started and {@code name}, when the timeline is on. */
    public static void mark(String name) {
        if (ON) {
            System.err.println(String.format(Locale.ROOT, "syscost-trace: %7.1f ms (thread CPU %6.1f ms) %s [%s]",
                    (System.nanoTime() - ORIGIN_NS) / 1e6,
                    java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6,
                    name, Thread.currentThread().getName()));
        }
    }

    /**
     * System.nanoTime() at the process's start: its start time since boot from /proc/self/stat (clock ticks,
     * 10 ms) against /proc/uptime (10 ms).
     */
    private static long originNs() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startS = Long.parseLong(f[19]) / 100.0;
            double upS = Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).split(" ")[0]);
            return System.nanoTime() - (long) ((upS - startS) * 1e9);
        } catch (java.io.IOException | RuntimeException e) {
            return System.nanoTime();
        }
    }
}
