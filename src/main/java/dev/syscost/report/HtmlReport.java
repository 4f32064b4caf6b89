package dev.syscost.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syscost.UsageException;
import dev.syscost.report.format.Figures;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.Result;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report of one or more syscost results: the template resource {@code report.html}
 * with the charting library (ECharts, read from its WebJar on the classpath) and the data (a JSON island)
 * inlined, so the page fetches nothing when opened. Each result becomes a section drawn by the
 * {@link dev.syscost.report.format.ResultFormat} of its kind.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** Renders the results, each labelled with where it came from (a file name, or "" for this run). */
    public static String render(List<Result<?>> results, List<String> sources) {
        String data = safeJson(model(results, sources));
        if (data.length() > MAX_DATA_CHARS) {
            throw new UsageException(String.format(Locale.ROOT, "the report's data would be %.1f MiB of JSON, over the "
                    + "%d MiB a browser renders in reasonable time (syscost's own results are kilobytes); report "
                    + "fewer or smaller result files", data.length() / 1048576.0, MAX_DATA_CHARS >> 20));
        }
        return ReportTemplate.fill(ChartLibrary.library(), data);
    }

    /** Beyond this much inlined data a browser takes minutes to render the page (65 MB: not rendered in 120 s). */
    static final int MAX_DATA_CHARS = 8 << 20;

    /** Writes the report of one result a command just made, refusing to overwrite without {@code force}. */
    public static void write(Path path, Result<?> result, boolean force) {
        OutputFile.write(path, render(List.of(result), List.of("")), force, "--html");
    }

    /** Writes the report of results read from files, each labelled with its file name. */
    public static void write(Path path, List<Result<?>> results, List<String> sources, boolean force) {
        OutputFile.write(path, render(results, sources), force, "--html");
    }

    /** The page's data: one section per result, in order. */
    public static ObjectNode model(List<Result<?>> results, List<String> sources) {
        ObjectNode model = JsonNodeFactory.instance.objectNode();
        model.put("generatedBy", "syscost " + version(results));
        ArrayNode sections = model.putArray("sections");
        for (int i = 0; i < results.size(); i++) {
            sections.add(section(results.get(i), i < sources.size() ? sources.get(i) : "").toNode());
        }
        SideBySide.sections(results, sources).forEach(s -> sections.add(s.toNode()));
        return model;
    }

    /** One result's section: header lines, then its format's blocks; a format that trips on the record falls back to JSON. */
    static Section section(Result<?> result, String source) {
        Header header = result.header();
        Section section = new Section(result.schema(), result.title(), describe(result.schema(), header, source));
        header.envLines().forEach(section::envLine);
        header.allWarnings().forEach(section::warning);
        try {
            result.html(section);
        } catch (RuntimeException e) {
            section.note("This result's shape did not match its view (" + e + "); shown as JSON instead.");
            section.json("Result JSON", Trees.of(result.record()));
        }
        return section;
    }

    private static String describe(String schema, Header header, String source) {
        List<String> parts = new ArrayList<>();
        parts.add(schema.isEmpty() ? "?" : schema);
        if (!source.isEmpty()) {
            parts.add(source);
        }
        if (header.startedAt() != null) {
            parts.add("started " + header.startedAt());
        }
        if (header.durationMs() != null) {
            parts.add("took " + Figures.number(header.durationMs() / 1000.0) + " s");
        }
        if (header.version() != null) {
            parts.add("syscost " + header.version());
        }
        return String.join(" · ", parts);
    }

    private static String version(List<Result<?>> results) {
        String v = HtmlReport.class.getPackage().getImplementationVersion();
        if (v != null || results.isEmpty()) {
            return v != null ? v : "";
        }
        String made = results.get(0).header().version();
        return made != null ? made : "(dev)";
    }

    /**
     * JSON text that is safe inside a {@code <script>} element whatever the strings in it: every
     * {@code <}, {@code >} and {@code &} becomes a \\u escape (they occur only inside JSON strings, where
     * the escape means the same character), so "</script>" cannot end the element. U+2028/2029 too.
     */
    public static String safeJson(JsonNode node) {
        String json = Json.toJson(node);
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
