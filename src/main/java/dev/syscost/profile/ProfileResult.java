package dev.syscost.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
        Environment env,
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

    /** What was profiled: a command run (with its exit status) or a pid attached to. */
    public record Target(String mode, List<String> command, int pid, Integer exitStatus, boolean exitedDuringAttach) {}

    /** How it was counted, why not better, what it cannot see, and how to get full counts. */
    public record BackendInfo(String name, String description, String fallbackReason, List<String> limits,
                              String enableFullCounts) {}

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
     * The estimated time at the boundary and what it is set against.
     *
     * @param perturbationNsPerSyscall how much longer each syscall took because the profiler counted it
     * @param wallSecondsAdjusted      wall time less the perturbation (count × perturbation)
     */
    public record Tax(double estimatedSeconds, boolean lowerBound, double shareOfWall, Double shareOfSystemCpu,
                      double perturbationNsPerSyscall, double perturbationSeconds, double wallSecondsAdjusted,
                      Double systemCpuSecondsAdjusted, List<String> pricedAtEntryFloor, Calibration calibration,
                      String method) {}

    /** The read/write family from /proc/PID/io. */
    public record Io(long readCalls, long writeCalls, long readBytes, long writeBytes, Double bytesPerRead,
                     Double bytesPerWrite, Long voluntaryContextSwitches, Long involuntaryContextSwitches,
                     String note) {}

    /** The bpf total beside an independent perf count of the same kernel entries. */
    public record CrossCheck(long bpfTotal, long perfTotal, boolean equal) {}
}
