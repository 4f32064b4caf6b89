package dev.syscost.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Any schema this syscost has no view for: shown as its JSON; compared on its top-level numbers. */
public final class GenericView implements ResultView {
    @Override
    public String title() {
        return "Result";
    }

    @Override
    public void render(JsonNode result, Section section) {
        section.note("This syscost has no dedicated view for schema \"" + result.path("schema").asText()
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

    /** The unit a syscost key names by its suffix ("medianNs" → "ns"). */
    static String unitOf(String key) {
        return key.endsWith("Ns") ? "ns" : key.endsWith("Ms") ? "ms" : key.endsWith("Bytes") ? "bytes" : "";
    }
}
