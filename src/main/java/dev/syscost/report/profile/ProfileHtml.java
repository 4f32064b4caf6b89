package dev.syscost.report.profile;

import dev.syscost.profile.ProfileResult;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The HTML section of a profile: syscalls by count, where the time went, the tax by syscall, the call trees. */
final class ProfileHtml {
    /** Syscalls charted. */
    private static final int TOP = 25;

    private ProfileHtml() {}

    /** Fills {@code section} with the profile's charts, flame trees and tables. */
    static void render(ProfileResult r, Section section) {
        List<String> names = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (ProfileResult.Syscall s : ProfileFormat.syscalls(r)) {
            if (names.size() == TOP) {
                break;
            }
            names.add(s.name() == null ? "" : s.name());
            counts.add((double) s.count());
        }
        if (!names.isEmpty()) {
            section.chart("profile-syscalls", "Syscalls by count (top " + names.size() + ", log scale)",
                    ChartOptions.horizontalLogBars(names, List.of(new ChartOptions.Series("calls", counts)), "calls"));
        }
        timeBreakdown(r, section);
        taxBySyscall(r, section);
        if (r.stacks() != null) {
            FlameTree.byProcess(r.stacks()).forEach((pid, root) -> section.flame("profile-flame-" + pid,
                    "Where pid " + pid + "'s syscalls come from (icicle: the process on top, each syscall at the bottom; "
                            + "green Java, light green interpreted, teal JDK, orange JVM, red libc, blue native; click to zoom, the top bar to reset)", root));
        }
        Tables.addAll(Trees.of(r), section, Set.of("stacks"));
    }

    /** Wall, user, system and estimated boundary time side by side, from whichever of them the result has. */
    private static void timeBreakdown(ProfileResult r, Section section) {
        List<String> labels = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        add(labels, ms, "wall", r.wallSeconds());
        add(labels, ms, "user CPU", r.userCpuSeconds());
        add(labels, ms, "system CPU", r.systemCpuSeconds());
        if (r.tax() != null) {
            add(labels, ms, "at the boundary (bound-limited)", r.tax().boundedSeconds());
            add(labels, ms, "estimated at the boundary", r.tax().estimatedSeconds());
        }
        if (labels.size() >= 2) {
            section.chart("profile-time", "Where the time went (ms)",
                    ChartOptions.groupedBars(labels, List.of(new ChartOptions.Series("ms", ms)), "ms", false));
        }
    }

    private static void add(List<String> labels, List<Double> ms, String label, Double seconds) {
        if (seconds != null) {
            labels.add(label);
            ms.add(seconds * 1e3);
        }
    }

    /** The estimated boundary time per syscall (count × calibrated price), where the result has it. */
    private static void taxBySyscall(ProfileResult r, Section section) {
        List<String> names = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        for (ProfileResult.Syscall s : ProfileFormat.syscalls(r)) {
            // an unpriced syscall's tax is NaN: named, with no bar
            if (names.size() < TOP) {
                names.add(s.name() == null ? "" : s.name());
                ms.add(s.taxSeconds() * 1e3);
            }
        }
        if (!names.isEmpty()) {
            section.chart("profile-tax", "Estimated time at the boundary by syscall (ms, log scale)",
                    ChartOptions.horizontalLogBars(names, List.of(new ChartOptions.Series("ms", ms)), "ms"));
        }
    }
}
