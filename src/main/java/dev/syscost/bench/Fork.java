package dev.syscost.bench;

import java.util.List;

/**
 * What one JVM measured: its process id and CPU time, every probe's result, and why kernel entries
 * were not counted there (null when they were).
 */
public record Fork(long pid, long cpuNs, long durationMs, List<ProbeResult> probes, String entryCountingRefused) {
    public Fork {
        probes = List.copyOf(probes);
    }
}
