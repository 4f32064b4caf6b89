package dev.syscost.report.env;

import dev.syscost.env.EnvResult;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTML section of {@code syscost.env/1}: the terminal's summary lines as a table, then every fact. */
final class EnvHtml {
    /** A summary line: its label, the run of spaces that aligns it, its value ("kernel   6.8.0-45-generic …"). */
    private static final Pattern LABELLED = Pattern.compile("(\\S+) +(.*)");

    private EnvHtml() {}

    static void render(EnvResult r, Section section) {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = r.env() == null ? List.of() : r.env().summaryLines();
        for (String line : lines) {
            Matcher m = LABELLED.matcher(line);
            rows.add(m.matches() ? List.of(m.group(1), m.group(2)) : List.of(line, ""));
        }
        section.table("Summary", List.of("item", "value"), rows);
        if (r.env() != null) {
            Tables.addAll(Trees.of(r.env()), section, Set.of());
        }
    }
}
