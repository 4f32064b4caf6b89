package dev.syscost.env;

import java.util.List;

/** What is on the user/kernel boundary path of this machine. (Stub: the env issue fills this in.) */
public record Environment(String kernel, String cpuModel, int cores, String jdk, List<String> warnings) {
    /** Detects the environment of the running machine. */
    public static Environment detect() {
        return new Environment(System.getProperty("os.version"), "unknown",
                Runtime.getRuntime().availableProcessors(), Runtime.version().toString(), List.of());
    }

    /** Short lines for a report header. */
    public List<String> summaryLines() {
        return List.of("kernel " + kernel + ", " + cores + " CPUs, " + cpuModel + ", JDK " + jdk);
    }
}
