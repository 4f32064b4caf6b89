package dev.syscost.top;

import java.util.List;

/**
 * One interval of {@code syscost top}: every process that made syscalls, its rate, its syscalls and
 * its estimated boundary tax (schema {@code syscost.top/1}). Shares are of one CPU: 0.25 is a quarter
 * of a core spent crossing the boundary.
 *
 * @param source             how the calls were counted
 * @param limits             what this count cannot see (empty for the in-kernel counter)
 * @param entryFloorNs       the bare kernel entry and exit (invalid syscall) every call pays, or null
 * @param pricing            where the prices come from (the calibration and its date)
 * @param mapMaxEntries      the bound on (process, syscall) pairs, 0 without the in-kernel counter
 * @param notShownProcesses  processes that made calls this interval but found the map full
 * @param notShownSyscallsPerSecond their calls
 */
public record TopSnapshot(String schema, String source, List<String> limits, double intervalSeconds,
                          double hostSyscallsPerSecond, Double hostTaxShare, Double entryFloorNs, String pricing,
                          int mapMaxEntries, int notShownProcesses, double notShownSyscallsPerSecond,
                          List<Syscall> hostSyscalls, List<Process> processes) {
    public static final String SCHEMA = "syscost.top/1";

    /**
     * One process's interval.
     *
     * @param systemShare stime from /proc/PID/stat over the interval, as a share of one CPU (null when unknown)
     * @param exited      the process has exited: these are its last counts
     */
    public record Process(int pid, String comm, double syscallsPerSecond, Double taxShare, Double systemShare,
                          boolean exited, List<Syscall> syscalls) {}

    /**
     * One syscall's rate, its price per call and the share of one CPU it costs.
     *
     * @param floorPriced no probe prices it: it pays the entry floor, a lower bound
     */
    public record Syscall(String name, double perSecond, Double nsPerCall, boolean floorPriced, Double taxShare) {}
}
