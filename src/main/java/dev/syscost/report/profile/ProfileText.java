package dev.syscost.report.profile;

import dev.syscost.profile.Advice;
import dev.syscost.profile.ProfileResult;
import dev.syscost.report.format.TextTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The terminal report of {@code syscost profile}: target, times, syscalls by count, the tax, advice. */
public final class ProfileText {
    private ProfileText() {}

    /** The report, showing at most {@code top} syscalls. */
    public static String render(ProfileResult r, int top) {
        return render(r, top, false);
    }

    /** The report; {@code fullStacks}: each call site's whole stack under it (with {@code --stacks}). */
    public static String render(ProfileResult r, int top, boolean fullStacks) {
        StringBuilder sb = new StringBuilder();
        ProfileResult.Target t = r.target();
        sb.append("syscost profile — ").append(t.mode().equals("run")
                ? String.join(" ", t.command()) + fmt(" (exit status %d)", t.exitStatus())
                : "pid " + t.pid()).append('\n');
        if (r.env() != null) { // null: a first profile/1 file, whose env summary the record cannot hold
            r.env().summaryLines().forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        sb.append("  backend ").append(r.backend().name()).append(": ").append(r.backend().description()).append('\n');
        if (r.backend().hook() != null) {
            sb.append("  hook    ").append(r.backend().hook()).append('\n');
        }
        sb.append('\n').append(fmt("  wall %.3f s   user %s   system %s   syscalls %s   (%s/s)%n", r.wallSeconds(),
                seconds(r.userCpuSeconds()), seconds(r.systemCpuSeconds()),
                r.totalSyscalls() == null ? "not counted" : fmt("%,d", r.totalSyscalls()),
                r.syscallsPerSec() == null ? "—" : fmt("%,.0f", r.syscallsPerSec())));
        if (!ProfileFormat.syscalls(r).isEmpty()) {
            sb.append('\n').append(syscalls(r, top));
        }
        if (r.zeroTimeoutWaits() != null && r.zeroTimeoutWaits() > 0) {
            sb.append(fmt("  of the poll/epoll_wait/epoll_pwait calls, %,d had a zero timeout%n", r.zeroTimeoutWaits()));
        }
        sb.append('\n').append(tax(r.tax(), r));
        if (r.io() != null) {
            ProfileResult.Io io = r.io();
            sb.append(fmt("  read family %,d calls, %,d bytes%s; write family %,d calls, %,d bytes%s  (/proc/PID/io)%n",
                    io.readCalls(), io.readBytes(), perCall(io.bytesPerRead()), io.writeCalls(), io.writeBytes(),
                    perCall(io.bytesPerWrite())));
            if (io.voluntaryContextSwitches() != null) {
                sb.append(fmt("  context switches: %,d voluntary, %,d involuntary%n", io.voluntaryContextSwitches(),
                        io.involuntaryContextSwitches()));
            }
        }
        if (r.backend().profilerCpuSeconds() != null) {
            sb.append(fmt("  profiler CPU %.3f s while the target ran%s; other processes meanwhile: %s%n",
                    r.backend().profilerCpuSeconds(), r.backend().profilerShareOfTargetCpu() == null ? ""
                            : fmt(" = %.2f%% of the target's CPU", 100 * r.backend().profilerShareOfTargetCpu()),
                    r.backend().costToOtherProcesses()));
        }
        if (r.crossCheck() != null) {
            ProfileResult.CrossCheck c = r.crossCheck();
            String verdict = c.equal() ? "equal"
                    : c.window() == null ? "DIFFERENT"
                    : fmt("windowed, differ by %,d (%.2f%%): %s", Math.abs(c.bpfTotal() - c.perfTotal()),
                            100.0 * Math.abs(c.bpfTotal() - c.perfTotal()) / Math.max(1, Math.max(c.bpfTotal(), c.perfTotal())),
                            c.window());
            sb.append(fmt("  cross-check: bpf total %,d, perf raw_syscalls:sys_enter %,d — %s%n", c.bpfTotal(),
                    c.perfTotal(), verdict));
        }
        if (r.stacks() != null) {
            sb.append('\n').append(ProfileStacksText.render(r, fullStacks));
        }
        sb.append('\n').append(advice(r.advice()));
        if (!r.backend().limits().isEmpty()) {
            sb.append("\nLimits\n");
            r.backend().limits().forEach(l -> sb.append("  - ").append(l).append('\n'));
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\nWarnings\n");
            r.warnings().forEach(w -> sb.append("  ! ").append(w).append('\n'));
        }
        return sb.toString();
    }

    private static String syscalls(ProfileResult r, int top) {
        TextTable table = new TextTable("syscall", ">count", ">share", ">per s", ">ns/call", ">tax ms", "priced by");
        List<ProfileResult.Syscall> lines = ProfileFormat.syscalls(r);
        Set<String> atFloor = atEntryFloor(r);
        for (ProfileResult.Syscall s : lines.subList(0, Math.min(top, lines.size()))) {
            table.row(s.name(), fmt("%,d", s.count()), fmt("%.1f%%", 100 * s.shareOfCalls()), fmt("%,.0f", s.ratePerSec()),
                    Double.isNaN(s.costNsPerCall()) ? "—" : fmt("%.0f", s.costNsPerCall()),
                    Double.isNaN(s.taxSeconds()) ? "—" : fmt("%.2f", s.taxSeconds() * 1e3),
                    atFloor.contains(s.name()) ? "entry floor*" : s.costSource());
        }
        String more = lines.size() > top ? fmt("  … %d more syscall kinds (all in --json)%n", lines.size() - top) : "";
        boolean floor = lines.stream().anyMatch(s -> atFloor.contains(s.name()));
        return table.render("  ") + more
                + (floor ? "  * no probe of its own: priced at the bare kernel entry/exit (invalid_syscall), a lower bound\n" : "");
    }

    /** The syscalls the builder priced at the entry floor (no probe of their own), as it flagged them. */
    private static Set<String> atEntryFloor(ProfileResult r) {
        return r.tax() == null || r.tax().pricedAtEntryFloor() == null ? Set.of() : new HashSet<>(r.tax().pricedAtEntryFloor());
    }

    private static String tax(ProfileResult.Tax x, ProfileResult r) {
        StringBuilder sb = new StringBuilder();
        boolean cpu = "cpu".equals(x.boundKind());
        // a file written before the bound was added has neither figure: its estimate was the tax, unbounded
        boolean fits = !Boolean.FALSE.equals(x.pricesFit());
        double bounded = x.boundedSeconds() == null ? x.estimatedSeconds() : x.boundedSeconds();
        List<String> shares = new ArrayList<>();
        if (cpu) {
            shares.add(fmt("%.1f%% of CPU time", 100 * x.shareOfCpu()));
        }
        shares.add(x.shareOfWall() != null ? fmt("%.1f%% of wall", 100 * x.shareOfWall())
                : "more than the wall time (threads crossing in parallel)");
        if (x.systemCpuSecondsAdjusted() != null) {
            shares.add(x.shareOfSystemCpu() != null ? fmt("%.0f%% of system time", 100 * x.shareOfSystemCpu())
                    : "more than the system time (part of each crossing is accounted as user time)");
        }
        sb.append(fmt("  boundary tax %s%.3f s = %s%n", fits ? x.lowerBound() ? "≥ " : "" : "≤ ",
                bounded, String.join(", ", shares)));
        if (x.boundSeconds() != null) {
            sb.append(fmt("    bound: the traced tree's %s %.3f s%s; priced estimate %.3f s%s%n", cpu ? "CPU time" : "wall time",
                    x.boundSeconds(), cpu ? " (user + system, less the perturbation)" : " (CPU times unavailable)",
                    x.estimatedSeconds(), fits ? ""
                            : " — over the bound: the prices do not fit this run, the tax shown is limited to the bound"));
        }
        sb.append("    ").append(x.method());
        if (x.calibration() != null) {
            sb.append(fmt("; prices from `syscost measure`, measured %s (FFM downcall %.0f ns subtracted)",
                    x.calibration().measuredAt(), x.calibration().downcallNs()));
        }
        sb.append('\n');
        sb.append(fmt("    profiler perturbation %.0f ns per syscall (measured: getppid tracked vs untracked) × %s = %.3f s,"
                + " subtracted: wall %.3f s%s%n", x.perturbationNsPerSyscall(),
                r.totalSyscalls() == null ? "0" : fmt("%,d", r.totalSyscalls()), x.perturbationSeconds(),
                x.wallSecondsAdjusted(), x.systemCpuSecondsAdjusted() == null ? "" : fmt(", system %.3f s", x.systemCpuSecondsAdjusted())));
        return sb.toString();
    }

    private static String advice(List<Advice.Item> items) {
        if (items.isEmpty()) {
            return "Advice: none — no rule fired (each rule and its threshold: docs/profile.md)\n";
        }
        StringBuilder sb = new StringBuilder("Advice\n");
        for (Advice.Item a : items) {
            sb.append("  • ").append(a.rule()).append(": ").append(a.observed()).append(" (threshold ").append(a.threshold())
                    .append(")\n    → ").append(a.advice()).append('\n');
            if (a.callSites() != null) {
                sb.append(ProfileStacksText.adviceSites(a.callSites()));
            }
        }
        return sb.toString();
    }

    private static String seconds(Double s) {
        return s == null ? "unavailable" : fmt("%.2f s", s);
    }

    private static String perCall(Double bytes) {
        return bytes == null ? "" : fmt(" (%.1f B/call)", bytes);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
