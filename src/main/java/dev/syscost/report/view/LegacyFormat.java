package dev.syscost.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.report.format.GenericFormat;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.ResultFormat;
import dev.syscost.report.format.Section;
import dev.syscost.report.metrics.MetricFamilies;
import java.util.List;

/** A tree-walking {@link ResultView} behind the {@link ResultFormat} interface, while its kind moves to a room. */
public final class LegacyFormat implements ResultFormat<JsonNode> {
    private final List<String> schemas;
    private final ResultView view;

    public LegacyFormat(List<String> schemas, ResultView view) {
        this.schemas = List.copyOf(schemas);
        this.view = view;
    }

    @Override
    public List<String> schemas() {
        return schemas;
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
        return view.title();
    }

    @Override
    public Header header(JsonNode result) {
        return GenericFormat.headerOf(result);
    }

    @Override
    public String text(JsonNode result) {
        return result.toPrettyString() + "\n";
    }

    @Override
    public void html(JsonNode result, Section section) {
        view.render(result, section);
    }

    @Override
    public void metrics(JsonNode result, MetricFamilies families) {
        families.add(result);
    }

    @Override
    public List<Point> points(JsonNode result) {
        return view.points(result);
    }
}
