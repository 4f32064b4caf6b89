package dev.syscost.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A result this syscost has no format for (a newer schema), or whose fields do not fit its schema's
 * record: shown as its JSON, compared on its top-level numbers. The only view that reads a tree by key.
 */
public final class GenericFormat implements ResultFormat<JsonNode> {
    private final String problem;

    /** The format of an unknown schema. */
    public GenericFormat() {
        this(null);
    }

    /** The format of a result of a known schema whose fields did not fit its record ({@code problem} says how). */
    public GenericFormat(String problem) {
        this.problem = problem;
    }

    @Override
    public List<String> schemas() {
        return List.of();
    }

    @Override
    public Class<JsonNode> type() {
        return JsonNode.class;
    }

    @Override
    public String schema(JsonNode result) {
        return result.path("schema").asText("");
    }

    @Override
    public String title() {
        return "Result";
    }

    @Override
    public Header header(JsonNode result) {
        return headerOf(result);
    }

    /** The header of a result tree: its env summary, flattened env facts, warnings and tool fields. */
    public static Header headerOf(JsonNode result) {
        JsonNode env = result.path("env");
        JsonNode tool = result.path("tool");
        return new Header(EnvLines.of(env), EnvLines.flat(env), strings(result, "warnings"),
                strings(env, "warnings"), tool.path("startedAt").isTextual() ? tool.path("startedAt").asText() : null,
                tool.path("durationMs").isNumber() ? tool.path("durationMs").asLong() : null,
                tool.path("version").isTextual() ? tool.path("version").asText() : null);
    }

    @Override
    public String text(JsonNode result) {
        return result.toPrettyString() + "\n";
    }

    @Override
    public void html(JsonNode result, Section section) {
        section.note(problem != null ? "This result's shape did not match its view (" + problem + "); shown as JSON instead."
                : "This syscost has no dedicated view for schema \"" + result.path("schema").asText()
                + "\"; the result is shown as JSON.");
        section.json("Result JSON", result);
    }

    @Override
    public List<Point> points(JsonNode result) {
        List<Point> points = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : result.properties()) {
            if (e.getValue().isNumber()) {
                double v = e.getValue().asDouble();
                points.add(Point.of(e.getKey(), unitOf(e.getKey()), v, v, v));
            }
        }
        return points;
    }

    /** Why this result is shown generically although its schema is known, or null. */
    public String problem() {
        return problem;
    }

    /** The unit a syscost key names by its suffix ("medianNs" → "ns"). */
    static String unitOf(String key) {
        return key.endsWith("Ns") ? "ns" : key.endsWith("Ms") ? "ms" : key.endsWith("Bytes") ? "bytes" : "";
    }

    /** The strings of an array field (non-strings as their JSON text). */
    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : node.path(field)) {
            out.add(v.isTextual() ? v.asText() : v.toString());
        }
        return out;
    }
}
