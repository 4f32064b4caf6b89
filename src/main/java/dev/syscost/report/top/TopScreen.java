package dev.syscost.report.top;

import dev.syscost.top.TopSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code syscost top}: a header (host totals, the entry floor, what was counted), one row
 * per process and, for one process, its full breakdown. Plain ASCII, each line cut to the width, so
 * any terminal and locale draws it; the live view and the one-shot text share it.
 */
public final class TopScreen {
    /** The smallest terminal the live view draws in. */
    public static final int MIN_ROWS = 8;
    public static final int MIN_COLUMNS = 60;
    /** Header lines above the process table's column titles. */
    static final int HEADER_LINES = 4;
    /** Processes the one-shot text lists ({@code top --once}, a saved snapshot's text). */
    public static final int ONCE_ROWS = 40;
    /** The header state of a one-shot snapshot. */
    static final String ONCE = "once";

    /** How rows are ordered: by syscall rate or by estimated tax. */
    public enum Sort { RATE, TAX }

    private TopScreen() {}

    /** The processes in display order. */
    public static List<TopSnapshot.Process> sorted(TopSnapshot s, Sort sort) {
        List<TopSnapshot.Process> rows = new ArrayList<>(s.processes());
        Comparator<TopSnapshot.Process> by = sort == Sort.TAX
                ? Comparator.comparingDouble((TopSnapshot.Process p) -> p.taxShare() == null ? -1 : p.taxShare())
                : Comparator.comparingDouble(TopSnapshot.Process::syscallsPerSecond);
        rows.sort(by.reversed().thenComparingInt(TopSnapshot.Process::pid));
        return rows;
    }

    /** The header lines. */
    public static List<String> header(TopSnapshot s, Sort sort, String state) {
        List<String> out = new ArrayList<>();
        out.add(fmt("syscost top - %s %s   host %s syscalls/s   tax %s   entry floor %s   sort: %s%s",
                state.equals(ONCE) ? "over" : "every", seconds(s.intervalSeconds()), count(s.hostSyscallsPerSecond()), cpu(s.hostTaxShare()),
                s.entryFloorNs() == null ? "unknown" : fmt("%.0f ns", s.entryFloorNs()), sort.name().toLowerCase(Locale.ROOT),
                state.isEmpty() || state.equals(ONCE) ? "" : "   " + state));
        out.add("counted: " + s.source());
        out.add("priced: " + s.pricing());
        out.add(s.notShownProcesses() > 0 || s.notShownSyscallsPerSecond() > 0
                ? fmt("%d processes not shown: the map of %d (process, syscall) pairs is full (%s syscalls/s counted in the host total only)",
                        s.notShownProcesses(), s.mapMaxEntries(), count(s.notShownSyscallsPerSecond()))
                : s.limits().isEmpty() ? fmt("%d processes made syscalls; tax = calls/s x calibrated ns per call, as a share of one CPU",
                        s.processes().size()) : "limits: " + String.join("; ", s.limits()));
        return out;
    }

    /** The process table's column titles. */
    public static String columns() {
        return fmt("%7s %-15s %12s %7s %6s  %s", "PID", "COMM", "SYSCALLS/S", "TAX%CPU", "%SYS", "TOP SYSCALLS /s");
    }

    /** One process row: its rate, tax, %system and its three busiest syscalls. */
    public static String row(TopSnapshot.Process p) {
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < Math.min(3, p.syscalls().size()); i++) {
            TopSnapshot.Syscall c = p.syscalls().get(i);
            top.append(i == 0 ? "" : "  ").append(c.name()).append(' ').append(count(c.perSecond()));
        }
        String comm = p.comm().length() > 15 ? p.comm().substring(0, 15) : p.comm();
        return fmt("%7d %-15s %12s %7s %6s  %s%s", p.pid(), comm, count(p.syscallsPerSecond()), percent(p.taxShare()),
                percent(p.systemShare()), top, p.exited() ? "  (exited)" : "");
    }

    /** The full breakdown of one process. */
    public static List<String> breakdown(TopSnapshot.Process p) {
        List<String> out = new ArrayList<>();
        out.add(fmt("pid %d  %s%s: %s syscalls/s, tax %s, system time %s", p.pid(), p.comm(), p.exited() ? " (exited)" : "",
                count(p.syscallsPerSecond()), cpu(p.taxShare()), cpu(p.systemShare())));
        out.add(fmt("  %-24s %12s %9s %8s  %s", "syscall", "per s", "ns/call", "tax%CPU", "priced by"));
        for (TopSnapshot.Syscall c : p.syscalls()) {
            out.add(fmt("  %-24s %12s %9s %8s  %s", c.name(), count(c.perSecond()),
                    c.nsPerCall() == null ? "-" : fmt("%.0f", c.nsPerCall()), percent(c.taxShare()),
                    c.nsPerCall() == null ? "no price" : c.floorPriced() ? "entry floor (lower bound)" : "its probe"));
        }
        return out;
    }

    /** The one-shot text report: header, every process (at most {@code limit}), no key help. */
    public static String text(TopSnapshot s, Sort sort, int limit) {
        StringBuilder sb = new StringBuilder();
        header(s, sort, ONCE).forEach(l -> sb.append(l).append('\n'));
        sb.append('\n').append(columns()).append('\n');
        List<TopSnapshot.Process> rows = sorted(s, sort);
        rows.stream().limit(limit).forEach(p -> sb.append(row(p)).append('\n'));
        if (rows.size() > limit) {
            sb.append(fmt("  ... and %d more processes (all of them in --json)%n", rows.size() - limit));
        }
        return sb.toString();
    }

    /** The one line shown instead of the screen when the terminal is smaller than the view needs. */
    public static String tooSmall(int rows, int columns) {
        // short, so that it fits the small terminal it is shown in
        return fmt("terminal %dx%d too small: top needs %dx%d (q quits)", columns, rows, MIN_COLUMNS, MIN_ROWS);
    }

    static String count(double perSecond) {
        return fmt("%,.0f", perSecond);
    }

    static String percent(Double share) {
        return share == null ? "-" : fmt("%.1f", 100 * share);
    }

    static String cpu(Double share) {
        return share == null ? "unknown" : fmt("%.1f%% of a CPU", 100 * share);
    }

    static String seconds(double s) {
        return s >= 1 ? fmt("%.1f s", s) : fmt("%.0f ms", s * 1000);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
