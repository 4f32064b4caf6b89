package dev.syscost.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.syscost.env.Environment;
import dev.syscost.profile.stacks.CallStack;
import dev.syscost.profile.stacks.StackSummary;
import java.util.List;

/** The result of {@code syscost profile}: schema {@code syscost.profile/2}. */
@JsonPropertyOrder({"schema", "env", "target", "backend", "wallSeconds", "userCpuSeconds", "systemCpuSeconds",
        "totalSyscalls", "syscallsPerSec", "syscalls", "zeroTimeoutWaits", "syscallTable", "tax", "io", "crossCheck", "advice", "warnings",
        "callSites", "stacks"})
public record ProfileResult(
        String schema,
        @JsonDeserialize(using = EnvironmentReader.class) Environment env,
        Target target,
        BackendInfo backend,
        double wallSeconds,
        Double userCpuSeconds,
        Double systemCpuSeconds,
        Long totalSyscalls,
        Double syscallsPerSec,
        List<Syscall> syscalls,
        Long zeroTimeoutWaits,
        String syscallTable,
        Tax tax,
        Io io,
        CrossCheck crossCheck,
        List<Advice.Item> advice,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) StackSummary callSites,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CallStack> stacks) {
    /** /2 adds {@code callSites} and {@code stacks[]} ({@code --stacks}); everything of /1 is unchanged. */
    public static final String SCHEMA = "syscost.profile/2";

    public ProfileResult(String schema, Environment env, Target target, BackendInfo backend, double wallSeconds,
                         Double userCpuSeconds, Double systemCpuSeconds, Long totalSyscalls, Double syscallsPerSec,
                         List<Syscall> syscalls, Long zeroTimeoutWaits, String syscallTable, Tax tax, Io io,
                         CrossCheck crossCheck, List<Advice.Item> advice, List<String> warnings) {
        this(schema, env, target, backend, wallSeconds, userCpuSeconds, systemCpuSeconds, totalSyscalls, syscallsPerSec,
                syscalls, zeroTimeoutWaits, syscallTable, tax, io, crossCheck, advice, warnings, null, null);
    }

    /*
     * zeroTimeoutWaits: poll/epoll_wait/epoll_pwait calls made with a zero timeout (bpf only).
     * syscallTable: where the syscall names come from (the generated x86-64 table's source).
     */

    /**
     * Reads {@code env} from a file. The first syscost.profile/1 files hold a summary of the environment
     * ({@code "kernel": "6.18.44-fc-v782", "cpuModel": …, "jdk": …}) that the environment record cannot hold:
     * that reads as unknown (null), so the rest of the profile is still read and shown.
     */
    public static final class EnvironmentReader extends StdDeserializer<Environment> {
        private static final long serialVersionUID = 1L;

        public EnvironmentReader() {
            super(Environment.class);
        }

        @Override
        public Environment deserialize(JsonParser parser, DeserializationContext context) throws java.io.IOException {
            JsonNode env = context.readTree(parser);
            return env.path("kernel").isTextual() ? null : context.readTreeAsValue(env, Environment.class);
        }
    }

    /** What was profiled: a command run (with its exit status) or a pid attached to; pid null in a file that lacks it. */
    public record Target(String mode, List<String> command, Integer pid, Integer exitStatus, boolean exitedDuringAttach) {}

    /**
     * How it was counted, why not better, what it cannot see, and how to get full counts.
     *
     * @param hook                      where the bpf program hung (fentry or the raw tracepoint) and why not
     *                                  fentry; null for other backends
     * @param profilerCpuSeconds        syscost's own CPU (all its threads) while the target ran, or null
     * @param profilerShareOfTargetCpu  that over the target's user + system CPU, or null
     * @param costToOtherProcesses      what every process syscost is not tracking pays while it profiles
     */
    public record BackendInfo(String name, String description, String fallbackReason, List<String> limits,
                              String enableFullCounts, String hook, Double profilerCpuSeconds,
                              Double profilerShareOfTargetCpu, String costToOtherProcesses) {}

    /**
     * One syscall's line.
     *
     * @param shareOfCalls  count / totalSyscalls (0..1)
     * @param costNsPerCall the calibrated price of one call
     * @param costSource    the probe that priced it; {@code invalid_syscall (entry floor)} where it has none
     */
    public record Syscall(String name, int number, long count, double shareOfCalls, double ratePerSec,
                          double costNsPerCall, String costSource, double taxSeconds) {}

    /**
     * The estimated time at the boundary and what it is set against. Time at the boundary cannot exceed the
     * traced tree's CPU time, so the priced estimate is held against that bound: shares are of the
     * bound-limited figure and never exceed 1 (a share that would is null).
     *
     * @param estimatedSeconds         the priced estimate (Σ count × price), as priced
     * @param boundedSeconds           the estimate limited to {@code boundSeconds}: the figure every share uses;
     *                                 null (like {@code pricesFit}) in files written before the bound was added
     * @param boundSeconds             what the tax cannot exceed: user + system CPU of the traced tree less the
     *                                 perturbation ({@code boundKind} "cpu"), or the adjusted wall time where
     *                                 CPU times are unavailable ("wall"); null when neither is known
     * @param pricesFit                false when the estimate exceeds the bound by more than the CPU clock's
     *                                 resolution: the calibrated prices do not fit this run
     * @param shareOfCpu               boundedSeconds / boundSeconds for a "cpu" bound, else null
     * @param shareOfWall              boundedSeconds / wallSecondsAdjusted, null when over 1 (threads in parallel)
     * @param shareOfSystemCpu         boundedSeconds / systemCpuSecondsAdjusted, null when unknown or over 1
     * @param perturbationNsPerSyscall how much longer each syscall took because the profiler counted it
     * @param wallSecondsAdjusted      wall time less the perturbation (count × perturbation)
     */
    public record Tax(double estimatedSeconds, boolean lowerBound, Double boundedSeconds, Double boundSeconds,
                      String boundKind, Boolean pricesFit, Double shareOfCpu, Double shareOfWall, Double shareOfSystemCpu,
                      double perturbationNsPerSyscall, double perturbationSeconds, double wallSecondsAdjusted,
                      Double systemCpuSecondsAdjusted, List<String> pricedAtEntryFloor, Calibration calibration,
                      String method) {}

    /** The read/write family from /proc/PID/io. */
    public record Io(long readCalls, long writeCalls, long readBytes, long writeBytes, Double bytesPerRead,
                     Double bytesPerWrite, Long voluntaryContextSwitches, Long involuntaryContextSwitches,
                     String note) {}

    /**
     * The bpf total beside an independent perf count of the same kernel entries.
     *
     * @param window null in run mode (both counters start at the same exec, so any difference is a fault); in
     *               attach mode, why the two totals may differ: they count slightly different windows
     */
    public record CrossCheck(long bpfTotal, long perfTotal, boolean equal, String window) {}
}
