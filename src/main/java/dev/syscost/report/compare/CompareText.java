package dev.syscost.report.compare;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Sanitize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal form of a {@link Comparison}: both runs' key environment lines, then one row per figure. */
public final class CompareText {
    /** Environment lines shown per run when the environments are the same. */
    private static final int ENV_LINES = 6;

    private CompareText() {}

    /** The whole comparison as text, lines ending in '\n'. */
    public static String render(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append("syscost compare: ").append(Figures.printable(c.compared())).append('\n');
        out.append(runLine("A", c.a())).append(runLine("B", c.b()));
        out.append('\n');
        environment(c, out);
        out.append('\n');
        table(c, out);
        out.append('\n');
        out.append("Spread: each run's p10–p90 across trials where recorded, else its 95% interval. "
                + "B/A < 1: B is lower (faster).\n");
        out.append("A difference counts only when the two spreads do not overlap and it exceeds the sum of both runs'\n"
                + "variation between JVMs (forks); otherwise: within spread. \"Detectable\" is the smallest difference\n"
                + "this pair could have called.\n");
        out.append(summaryLine(c.summary())).append('\n');
        List<String> warnings = new ArrayList<>(c.warnings());
        c.a().warnings().forEach(w -> warnings.add("A: " + w));
        c.b().warnings().forEach(w -> warnings.add("B: " + w));
        if (!warnings.isEmpty()) {
            out.append('\n');
            warnings.forEach(w -> out.append("warning: ").append(Figures.printable(w)).append('\n'));
        }
        // Every string here may come from an input file: no line may carry a control or escape character.
        return out.toString().lines().map(Sanitize::line).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    private static String runLine(String label, Comparison.Run run) {
        return Figures.printable(label + ": " + run.file() + (run.startedAt() == null ? "" : " (started " + run.startedAt() + ")")) + "\n";
    }

    private static void environment(Comparison c, StringBuilder out) {
        if (c.envDiffs().isEmpty()) {
            out.append("Environment (the same for A and B):\n");
            List<String> lines = c.a().env();
            lines.subList(0, Math.min(ENV_LINES, lines.size())).forEach(l -> out.append("  ").append(Figures.printable(l)).append('\n'));
            if (lines.isEmpty()) {
                out.append("  (neither run recorded one)\n");
            }
            return;
        }
        out.append("Environment differs (key lines; ").append(c.envDiffs().size())
                .append(" detailed items differ, listed by --json):\n");
        List<String> a = c.a().env();
        List<String> b = c.b().env();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String la = i < a.size() ? a.get(i) : "(absent)";
            String lb = i < b.size() ? b.get(i) : "(absent)";
            if (la.equals(lb)) {
                out.append("  A=B ").append(Figures.printable(la)).append('\n');
            } else {
                out.append("  A   ").append(Figures.printable(la)).append('\n');
                out.append("  B   ").append(Figures.printable(lb)).append('\n');
            }
        }
    }

    private static void table(Comparison c, StringBuilder out) {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Row r : c.points()) {
            rows.add(List.of(r.id(), side(r.aValue(), r.aLow(), r.aHigh(), r.unit()),
                    side(r.bValue(), r.bLow(), r.bHigh(), r.unit()),
                    ratio(r),
                    detectable(r), words(r) + (r.note() == null ? "" : " (" + r.note() + ")")));
        }
        appendTable(out, List.of("figure", "A (spread)", "B (spread)", "B/A", "detectable", "difference"), rows,
                new boolean[] {false, true, true, true, true, false}, "");
    }

    static String ratio(Comparison.Row r) {
        return r.ratioBToA() == null ? "–" : Figures.ratio(r.ratioBToA());
    }

    static String detectable(Comparison.Row r) {
        if (r.minDetectable() == null) {
            return "–";
        }
        String v = Figures.withUnit(r.minDetectable(), r.unit());
        return r.minDetectableRatio() == null ? v : v + " (" + Figures.percent(r.minDetectableRatio()) + ")";
    }

    static String side(Double value, Double low, Double high, String unit) {
        if (value == null) {
            return "–";
        }
        String v = Figures.withUnit(value, unit);
        return low == null || high == null || (low.equals(value) && high.equals(value)) ? v
                : v + " (" + Figures.interval(low, high) + ")";
    }

    static String words(Comparison.Row r) {
        return switch (r.verdict()) {
            case Comparison.FASTER -> "B faster, beyond spread";
            case Comparison.SLOWER -> "B slower, beyond spread";
            case Comparison.LOWER -> "B lower, beyond spread";
            case Comparison.HIGHER -> "B higher, beyond spread";
            case Comparison.WITHIN_SPREAD -> "within spread";
            case Comparison.UNAVAILABLE -> "unavailable";
            case Comparison.ONLY_IN_A -> "only in A";
            case Comparison.ONLY_IN_B -> "only in B";
            default -> r.verdict();
        };
    }

    static String summaryLine(Comparison.Summary s) {
        List<String> parts = new ArrayList<>();
        add(parts, s.slower(), "slower");
        add(parts, s.faster(), "faster");
        add(parts, s.higher(), "higher");
        add(parts, s.lower(), "lower");
        add(parts, s.withinSpread(), "within spread");
        add(parts, s.unavailable(), "unavailable");
        add(parts, s.onlyInOne(), "in one run only");
        return "Summary: " + (parts.isEmpty() ? "nothing to compare" : String.join(", ", parts)) + ".";
    }

    private static void add(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(String.format(Locale.ROOT, "%d %s", n, what));
        }
    }

    /** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
    static void appendTable(StringBuilder out, List<String> header, List<List<String>> rows, boolean[] right, String indent) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], Figures.printable(r.get(i)).length());
            }
        }
        appendRow(out, header, width, right, indent);
        for (List<String> r : rows) {
            appendRow(out, r, width, right, indent);
        }
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] width, boolean[] right, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            String cell = Figures.printable(cells.get(i));
            String pad = " ".repeat(width[i] - cell.length());
            line.append(i == 0 ? "" : "  ").append(right[i] ? pad + cell : cell + (i == cells.size() - 1 ? "" : pad));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
