package dev.syscost.report;

import static dev.syscost.report.compare.Comparison.FASTER;
import static dev.syscost.report.compare.Comparison.HIGHER;
import static dev.syscost.report.compare.Comparison.LOWER;
import static dev.syscost.report.compare.Comparison.ONLY_IN_A;
import static dev.syscost.report.compare.Comparison.ONLY_IN_B;
import static dev.syscost.report.compare.Comparison.SLOWER;
import static dev.syscost.report.compare.Comparison.UNAVAILABLE;
import static dev.syscost.report.compare.Comparison.WITHIN_SPREAD;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.UsageException;
import dev.syscost.report.compare.Comparison;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.GenericFormat;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.Result;
import dev.syscost.report.format.Sanitize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two results of the same command figure by figure. A difference counts only when the two runs'
 * spreads do not overlap: a ratio alone would call noise a regression on a machine as noisy as a VM.
 */
public final class Compare {

    private Compare() {}

    /** Compares two result trees (files read back): parsed into their records first. */
    public static Comparison compare(JsonNode a, String aFile, JsonNode b, String bFile) {
        return compare(ResultFormats.parse(a), aFile, ResultFormats.parse(b), bFile);
    }

    /** Compares {@code b} against {@code a}; refuses results of different schemas (a {@link UsageException}). */
    public static Comparison compare(Result<?> a, String aFile, Result<?> b, String bFile) {
        String schemaA = a.schema();
        String schemaB = b.schema();
        // Two versions of one kind's schema (profile/1 and /2) parse into the same record: comparable.
        boolean sameKind = a.format().getClass() == b.format().getClass() && !(a.format() instanceof GenericFormat);
        if (!schemaA.equals(schemaB) && !sameKind) {
            throw new UsageException("cannot compare " + aFile + " (" + schemaA + ") with " + bFile + " (" + schemaB
                    + "); pass two results of the same command");
        }
        fits(a, aFile);
        fits(b, bFile);
        List<Point> pointsA = a.points();
        List<Point> pointsB = b.points();
        List<Comparison.Row> rows = rows(pointsA, pointsB);
        Header headerA = a.header();
        Header headerB = b.header();
        List<Comparison.EnvDiff> envDiffs = envDiffs(headerA.envFacts(), headerB.envFacts());
        List<String> warnings = new ArrayList<>();
        if (!envDiffs.isEmpty()) {
            warnings.add("the runs come from different environments (" + envDiffs.size()
                    + " items differ): a difference may be the machine, not the change under test");
        }
        if (!headerA.warnings().isEmpty() || !headerB.warnings().isEmpty()) {
            warnings.add("the runs carry warnings of their own (listed with each run): read them before trusting a verdict");
        }
        if (rows.isEmpty()) {
            warnings.add("no comparable figures in " + schemaA + " results");
        }
        if (schemaA.startsWith("syscost.measure/")) {
            oneJvm(pointsA, "A", aFile).ifPresent(warnings::add);
            oneJvm(pointsB, "B", bFile).ifPresent(warnings::add);
        }
        return new Comparison(Comparison.SCHEMA, schemaA, run(headerA, aFile), run(headerB, bFile), envDiffs, rows,
                summarize(rows), warnings);
    }

    /** A result of a known schema whose fields do not fit its record cannot be compared figure by figure. */
    private static void fits(Result<?> r, String file) {
        if (r.format() instanceof GenericFormat g && g.problem() != null) {
            throw new UsageException(file + ": its fields do not fit " + Sanitize.line(r.schema(), 60) + " ("
                    + g.problem() + "); pass a file written by `syscost ... --json FILE`");
        }
    }

    /** A warning when a measure run recorded no between-fork spread: its variation between runs is unknown. */
    private static java.util.Optional<String> oneJvm(List<Point> points, String label, String file) {
        boolean timed = points.stream().anyMatch(p -> p.available() && p.isTime() && !p.id().startsWith("term: "));
        boolean forked = points.stream().anyMatch(Point::hasForkSpread);
        if (!timed || forked || points.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(label + " (" + file + ") was measured in one JVM: its variation between runs is"
                + " unknown, so a difference may be JIT or code-layout luck (measure with --forks 2 or more)");
    }

    private static Comparison.Run run(Header header, String file) {
        return new Comparison.Run(file, header.startedAt(), header.envLines(), header.allWarnings());
    }

    static List<Comparison.Row> rows(List<Point> a, List<Point> b) {
        Map<String, Point> byIdB = new LinkedHashMap<>();
        b.forEach(p -> byIdB.putIfAbsent(p.id(), p));
        List<Comparison.Row> rows = new ArrayList<>();
        for (Point pa : a) {
            Point pb = byIdB.remove(pa.id());
            rows.add(pb == null ? onlyOne(pa, true) : row(pa, pb));
        }
        byIdB.values().forEach(pb -> rows.add(onlyOne(pb, false)));
        return rows;
    }

    /**
     * One figure from both runs: the ratio, and a verdict only when the difference is beyond both the
     * runs' own spreads (they do not overlap) and their between-fork spreads (the difference exceeds the
     * sum of the two ranges across JVMs): trials within one JVM share its JIT decisions and code layout, so
     * their spread alone understates how much a second run varies.
     */
    static Comparison.Row row(Point a, Point b) {
        if (!a.available() || !b.available()) {
            String note = !a.available() && !b.available() ? "A: " + a.unavailableReason() + "; B: " + b.unavailableReason()
                    : !a.available() ? "A: " + a.unavailableReason() : "B: " + b.unavailableReason();
            return new Comparison.Row(a.id(), a.unit(), value(a.value()), value(a.low()), value(a.high()),
                    value(b.value()), value(b.low()), value(b.high()), null, null, UNAVAILABLE, note);
        }
        Double ratio = a.value() == 0 ? null : b.value() / a.value();
        boolean overlap = a.low() <= b.high() && b.low() <= a.high();
        double forks = forkAllowance(a, b);
        boolean beyondForks = Math.abs(b.value() - a.value()) > forks;
        String verdict;
        String note = Objects.equals(a.unit(), b.unit()) ? null : "units differ: A " + a.unit() + ", B " + b.unit();
        if (overlap) {
            verdict = WITHIN_SPREAD;
        } else if (!beyondForks) {
            verdict = WITHIN_SPREAD;
            note = join(note, "spreads apart, but within the runs' variation between JVMs (±" + Figures.number(forks) + ")");
        } else if (b.value() < a.value()) {
            verdict = a.isTime() ? FASTER : LOWER;
        } else {
            verdict = a.isTime() ? SLOWER : HIGHER;
        }
        double detectable = minDetectable(a, b);
        return new Comparison.Row(a.id(), a.unit(), a.value(), a.low(), a.high(), b.value(), b.low(), b.high(),
                ratio, overlap, verdict, note, value(a.forkSpread()), value(b.forkSpread()), value(detectable),
                a.value() == 0 ? null : value(detectable / Math.abs(a.value())));
    }

    /** The sum of both runs' between-fork ranges (0 for a run that had one JVM: it could not show one). */
    static double forkAllowance(Point a, Point b) {
        return (a.hasForkSpread() ? a.forkSpread() : 0) + (b.hasForkSpread() ? b.forkSpread() : 0);
    }

    /**
     * The smallest shift of B from A's value that this rule would call: B's spread moved clear of A's
     * (upwards or downwards, whichever needs less) and beyond the between-fork allowance.
     */
    static double minDetectable(Point a, Point b) {
        double up = (a.high() - a.value()) + (b.value() - b.low());
        double down = (a.value() - a.low()) + (b.high() - b.value());
        return Math.max(Math.min(up, down), forkAllowance(a, b));
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private static Comparison.Row onlyOne(Point p, boolean inA) {
        Double v = value(p.value());
        Double lo = value(p.low());
        Double hi = value(p.high());
        return inA ? new Comparison.Row(p.id(), p.unit(), v, lo, hi, null, null, null, null, null, ONLY_IN_A, "not in B")
                : new Comparison.Row(p.id(), p.unit(), null, null, null, v, lo, hi, null, null, ONLY_IN_B, "not in A");
    }

    private static Double value(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Comparison.Summary summarize(List<Comparison.Row> rows) {
        int[] n = new int[7];
        for (Comparison.Row r : rows) {
            switch (r.verdict()) {
                case FASTER -> n[0]++;
                case SLOWER -> n[1]++;
                case HIGHER -> n[2]++;
                case LOWER -> n[3]++;
                case WITHIN_SPREAD -> n[4]++;
                case UNAVAILABLE -> n[5]++;
                default -> n[6]++;
            }
        }
        return new Comparison.Summary(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }

    /** The environment items ("key: value" lines) whose values differ, in A's order then B's. */
    static List<Comparison.EnvDiff> envDiffs(List<String> factsA, List<String> factsB) {
        Map<String, String> a = keyed(factsA);
        Map<String, String> b = keyed(factsB);
        List<Comparison.EnvDiff> diffs = new ArrayList<>();
        a.forEach((k, v) -> {
            if (!Objects.equals(v, b.get(k))) {
                diffs.add(new Comparison.EnvDiff(k, v, b.get(k)));
            }
        });
        b.forEach((k, v) -> {
            if (!a.containsKey(k)) {
                diffs.add(new Comparison.EnvDiff(k, null, v));
            }
        });
        return diffs;
    }

    private static Map<String, String> keyed(List<String> lines) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                map.put(line.substring(0, colon), line.substring(colon + 2));
            } else {
                map.put(line, "");
            }
        }
        return map;
    }
}
