package dev.syscost.report.view;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Point;

import static dev.syscost.report.format.Figures.firstNumeric;
import static dev.syscost.report.format.Figures.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code syscost.profile/2} (and /1): a program's syscalls by count, and where its time went. */
public final class ProfileView implements ResultView {
    public static final String SCHEMA = "syscost.profile/2";
    /** Files written before call sites were added read the same way. */
    public static final String SCHEMA_V1 = "syscost.profile/1";
    private static final int TOP = 25;

    @Override
    public String title() {
        return "Syscall profile (syscost profile)";
    }

    @Override
    public void render(JsonNode result, Section section) {
        List<String> names = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (JsonNode s : result.path("syscalls")) {
            if (names.size() == TOP) {
                break;
            }
            String count = firstNumeric(s, "count");
            if (count != null) {
                names.add(text(s, "name"));
                counts.add(s.path(count).asDouble());
            }
        }
        if (!names.isEmpty()) {
            section.chart("profile-syscalls", "Syscalls by count (top " + names.size() + ", log scale)",
                    ChartOptions.horizontalLogBars(names, List.of(new ChartOptions.Series("calls", counts)), "calls"));
        }
        timeBreakdown(result, section);
        taxBySyscall(result, section);
        if (result.path("stacks").isArray()) {
            FlameTree.byProcess(result.path("stacks")).forEach((pid, root) -> section.flame("profile-flame-" + pid,
                    "Where pid " + pid + "'s syscalls come from (icicle: the process on top, each syscall at the bottom; "
                            + "green Java, light green interpreted, teal JDK, orange JVM, red libc, blue native; click to zoom, the top bar to reset)", root));
        }
        Tables.addAll(result, section, Set.of("stacks"));
    }

    /** Wall, user, system and estimated boundary time side by side, from whichever of them the result has. */
    private static void timeBreakdown(JsonNode result, Section section) {
        List<String> labels = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        String[][] fields = {
            {"wall", "wallSeconds", "wallNs", "wallMs"}, {"user CPU", "userCpuSeconds", "userCpuNs", "userMs"},
            {"system CPU", "systemCpuSeconds", "systemCpuNs", "systemMs"},
            {"at the boundary (bound-limited)", "boundedSeconds"},
            {"estimated at the boundary", "estimatedSeconds", "estimatedBoundaryNs", "taxNs"}};
        for (String[] f : fields) {
            JsonNode holder = result.path("tax").isObject() && f[0].contains("boundary") ? result.path("tax") : result;
            String field = firstNumeric(holder, java.util.Arrays.copyOfRange(f, 1, f.length));
            if (field != null) {
                double v = holder.path(field).asDouble();
                labels.add(f[0]);
                ms.add(field.endsWith("Ms") ? v : field.endsWith("Seconds") ? v * 1e3 : v / 1e6);
            }
        }
        if (labels.size() >= 2) {
            section.chart("profile-time", "Where the time went (ms)",
                    ChartOptions.groupedBars(labels, List.of(new ChartOptions.Series("ms", ms)), "ms", false));
        }
    }

    /** The estimated boundary time per syscall (count × calibrated price), where the result has it. */
    private static void taxBySyscall(JsonNode result, Section section) {
        List<String> names = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        for (JsonNode s : result.path("syscalls")) {
            if (names.size() < TOP && s.path("taxSeconds").isNumber()) {
                names.add(text(s, "name"));
                ms.add(s.path("taxSeconds").asDouble() * 1e3);
            }
        }
        if (!names.isEmpty()) {
            section.chart("profile-tax", "Estimated time at the boundary by syscall (ms, log scale)",
                    ChartOptions.horizontalLogBars(names, List.of(new ChartOptions.Series("ms", ms)), "ms"));
        }
    }

    @Override
    public List<Point> points(JsonNode result) {
        List<Point> points = new ArrayList<>();
        for (String f : new String[] {"totalSyscalls", "syscallsPerSec"}) {
            if (result.path(f).isNumber()) {
                double v = result.path(f).asDouble();
                points.add(Point.of(f, f.endsWith("PerSec") ? "calls/s" : "calls", v, v, v));
            }
        }
        for (JsonNode s : result.path("syscalls")) {
            if (s.path("count").isNumber()) {
                double v = s.path("count").asDouble();
                points.add(Point.of(text(s, "name"), "calls", v, v, v));
            }
        }
        return points;
    }
}
