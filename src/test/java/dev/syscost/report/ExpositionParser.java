package dev.syscost.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small strict parser of the Prometheus text and OpenMetrics text exposition formats, for tests: every
 * line must be a well-formed comment, sample or (OpenMetrics) the final "# EOF"; samples must belong to a
 * family whose TYPE came first; label values must be properly escaped; no series twice.
 */
final class ExpositionParser {
    record Sample(String name, Map<String, String> labels, double value) {}

    record Exposition(Map<String, String> types, Map<String, String> helps, List<Sample> samples) {
        /** The value of the one sample with this name and these labels (name, value pairs). */
        double value(String name, String... labels) {
            Map<String, String> want = new LinkedHashMap<>();
            for (int i = 0; i < labels.length; i += 2) {
                want.put(labels[i], labels[i + 1]);
            }
            return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(want))
                    .findFirst().orElseThrow(() -> new AssertionError("no sample " + name + want)).value();
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE|UNIT) (" + NAME + ") ?(.*)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( \\S+)?");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "info", "histogram", "summary", "untyped",
            "unknown", "stateset", "gaugehistogram");

    private ExpositionParser() {}

    /** Parses {@code text}; {@code openMetrics} demands the final "# EOF" and OpenMetrics type names. */
    static Exposition parse(String text, boolean openMetrics) {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\n", -1);
        boolean eof = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + ": " + line;
            if (eof) {
                check(line.isEmpty() && i == lines.length - 1, "text after # EOF: " + where);
                continue;
            }
            if (line.equals("# EOF")) {
                check(openMetrics, "# EOF in Prometheus text: " + where);
                eof = true;
                continue;
            }
            if (line.isEmpty()) {
                check(i == lines.length - 1 && !openMetrics, "empty line: " + where);
                continue;
            }
            if (line.startsWith("#")) {
                Matcher m = COMMENT.matcher(line);
                check(m.matches(), "malformed comment: " + where);
                if (m.group(1).equals("TYPE")) {
                    check(TYPES.contains(m.group(3)), "unknown type: " + where);
                    check(types.put(m.group(2), m.group(3)) == null, "TYPE twice: " + where);
                } else if (m.group(1).equals("HELP")) {
                    helps.put(m.group(2), m.group(3));
                }
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            check(m.matches(), "malformed sample: " + where);
            String name = m.group(1);
            check(familyOf(name, types) != null, "sample before its TYPE: " + where);
            Map<String, String> labels = m.group(3) == null ? Map.of() : labels(m.group(3), where);
            check(seen.add(name + labels), "series twice: " + where);
            samples.add(new Sample(name, labels, value(m.group(4), where)));
        }
        check(!openMetrics || eof, "no # EOF at the end");
        return new Exposition(types, helps, samples);
    }

    private static String familyOf(String sample, Map<String, String> types) {
        if (types.containsKey(sample)) {
            return sample;
        }
        for (String suffix : List.of("_total", "_created", "_info", "_count", "_sum", "_bucket")) {
            if (sample.endsWith(suffix) && types.containsKey(sample.substring(0, sample.length() - suffix.length()))) {
                return sample.substring(0, sample.length() - suffix.length());
            }
        }
        return null;
    }

    private static Map<String, String> labels(String body, String where) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf("=\"", i);
            check(eq > i, "malformed labels: " + where);
            String name = body.substring(i, eq);
            check(NAME.matcher(name).matches() && !name.contains(":"), "bad label name '" + name + "': " + where);
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; j < body.length() && body.charAt(j) != '"'; j++) {
                char c = body.charAt(j);
                if (c == '\\') {
                    char next = body.charAt(++j);
                    check(next == '\\' || next == '"' || next == 'n', "bad escape in label value: " + where);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    check(c != '\n', "raw newline in label value: " + where);
                    value.append(c);
                }
            }
            check(j < body.length(), "unterminated label value: " + where);
            check(labels.put(name, value.toString()) == null, "label twice: " + where);
            i = j + 1;
            if (i < body.length()) {
                check(body.charAt(i) == ',', "labels not comma-separated: " + where);
                i++;
            }
        }
        return labels;
    }

    private static double value(String text, String where) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                check(text.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?"), "bad value: " + where);
                yield Double.parseDouble(text);
            }
        };
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
