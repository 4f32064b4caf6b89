package dev.syscost.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * How one result schema is shown: its section of the HTML report and its comparable figures. One small
 * class per schema; {@link #forSchema} dispatches on the result's {@code schema} field and falls back
 * to {@link GenericView}, so a result from a newer syscost is still shown (as JSON), never refused.
 */
public interface ResultView {
    /** The views by schema. Adding a command's view is one line here. */
    Map<String, ResultView> BY_SCHEMA = Map.of(
            MeasureView.SCHEMA, new MeasureView(),
            EnvView.SCHEMA, new EnvView(),
            ProfileView.SCHEMA, new ProfileView(),
            ProfileView.SCHEMA_V1, new ProfileView(),
            AmortizeView.SCHEMA, new AmortizeView(),
            IpcView.SCHEMA, new IpcView(),
            IndirectView.SCHEMA, new IndirectView());

    /** The view for a schema name such as "syscost.measure/1"; the generic one when unknown. */
    static ResultView forSchema(String schema) {
        return BY_SCHEMA.getOrDefault(schema, new GenericView());
    }

    /** The view for a result tree, by its {@code schema} field. */
    static ResultView of(JsonNode result) {
        return forSchema(result.path("schema").asText(""));
    }

    /** A short human title, e.g. "Cost ladder". */
    String title();

    /** Fills {@code section} with this result's charts and tables (the header is already there). */
    void render(JsonNode result, Section section);

    /** The figures {@code compare} puts side by side, in display order. */
    List<Point> points(JsonNode result);
}
