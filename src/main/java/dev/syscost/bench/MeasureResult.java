package dev.syscost.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.syscost.env.Environment;
import java.util.List;
import java.util.Optional;

/** The result of {@link Measure#run}: schema {@code syscost.measure/1}. */
@JsonPropertyOrder({"schema", "tool", "config", "env", "pinning", "kernelEntryCheck", "probes", "decomposition", "warnings", "forks"})
public record MeasureResult(
        String schema,
        Tool tool,
        MeasureConfig config,
        Environment env,
        String pinning,
        KernelEntryCheck kernelEntryCheck,
        List<ProbeResult> probes,
        Decomposition decomposition,
        List<String> warnings,
        List<ForkInfo> forks) {
    public static final String SCHEMA = "syscost.measure/1";

    /** Which syscost made the result, when, and how long it took. */
    public record Tool(String version, String startedAt, long durationMs) {}

    /** Whether each probe's kernel-entry count was verified with perf events, and why not if not. */
    public record KernelEntryCheck(boolean available, String method, String reason) {}

    /** One JVM the trials ran in: its place in the run, process id, wall and CPU time. */
    public record ForkInfo(int index, long pid, long durationMs, long cpuNs) {}

    /** The result of one probe, if it was run. */
    public Optional<ProbeResult> probe(String id) {
        return probes.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
