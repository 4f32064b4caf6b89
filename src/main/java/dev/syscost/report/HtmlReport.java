package dev.syscost.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.UsageException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syscost.report.view.EnvLines;
import dev.syscost.report.view.Figures;
import dev.syscost.report.view.ResultView;
import dev.syscost.report.view.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report of one or more syscost results: the template resource {@code report.html}
 * with the charting library (ECharts, read from its WebJar on the classpath) and the data (a JSON island)
 * inlined, so the page fetches nothing when opened. Each result becomes a section drawn by the
 * {@link ResultView} for its schema.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** Renders the results (JSON trees of any syscost schema) into one HTML page. */
    public static String render(List<JsonNode> results) {
        List<String> sources = new ArrayList<>();
        results.forEach(r -> sources.add(""));
        return render(results, sources);
    }

    /** Renders the results, each labelled with where it came from (a file name, or "" for this run). */
    public static String render(List<JsonNode> results, List<String> sources) {
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

    /** Writes the report, refusing to overwrite without {@code force}. */
    public static void write(Path path, List<JsonNode> results, boolean force) {
        OutputFile.write(path, render(results), force, "--html");
    }

    /** Writes the report of results read from files, each labelled with its file name. */
    public static void write(Path path, List<JsonNode> results, List<String> sources, boolean force) {
        OutputFile.write(path, render(results, sources), force, "--html");
    }

    /** The page's data: one section per result, in order. */
    public static ObjectNode model(List<JsonNode> results, List<String> sources) {
        ObjectNode model = JsonNodeFactory.instance.objectNode();
        model.put("generatedBy", "syscost " + version(results));
        ArrayNode sections = model.putArray("sections");
        for (int i = 0; i < results.size(); i++) {
            sections.add(section(results.get(i), i < sources.size() ? sources.get(i) : "").toNode());
        }
        SideBySide.sections(results, sources).forEach(s -> sections.add(s.toNode()));
        return model;
    }

    /** One result's section: header lines, then its view's blocks; a view that trips on the shape falls back to JSON. */
    static Section section(JsonNode result, String source) {
        ResultView view = ResultView.of(result);
        String schema = result.path("schema").asText("");
        Section section = new Section(schema, view.title(), describe(result, source));
        JsonNode env = result.path("env");
        EnvLines.of(env).forEach(section::envLine);
        Figures.strings(result, "warnings").forEach(section::warning);
        Figures.strings(env, "warnings").forEach(section::warning);
        try {
            view.render(result, section);
        } catch (RuntimeException e) {
            section.note("This result's shape did not match its view (" + e + "); shown as JSON instead.");
            section.json("Result JSON", result);
        }
        return section;
    }

    private static String describe(JsonNode result, String source) {
        List<String> parts = new ArrayList<>();
        parts.add(result.path("schema").asText("?"));
        if (!source.isEmpty()) {
            parts.add(source);
        }
        JsonNode tool = result.path("tool");
        if (tool.path("startedAt").isTextual()) {
            parts.add("started " + tool.path("startedAt").asText());
        }
        if (tool.path("durationMs").isNumber()) {
            parts.add("took " + Figures.number(tool.path("durationMs").asDouble() / 1000) + " s");
        }
        if (tool.path("version").isTextual()) {
            parts.add("syscost " + tool.path("version").asText());
        }
        return String.join(" · ", parts);
    }

    private static String version(List<JsonNode> results) {
        String v = HtmlReport.class.getPackage().getImplementationVersion();
        return v != null ? v : results.isEmpty() ? "" : results.get(0).path("tool").path("version").asText("(dev)");
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
