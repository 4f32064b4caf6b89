package dev.syscost.report.view;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Point;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * How one result schema is shown: its section of the HTML report and its comparable figures. One small
 * class per schema; {@link #forSchema} dispatches on the result's {@code schema} field; a schema with
 * no view is shown by {@code GenericFormat}. Being replaced by the typed formats of the rooms.
 */
public interface ResultView {
    /** The views by schema. Adding a command's view is one line here. */
    Map<String, ResultView> BY_SCHEMA = Map.of(
            MeasureView.SCHEMA, new MeasureView(),
            EnvView.SCHEMA, new EnvView(),
            AmortizeView.SCHEMA, new AmortizeView(),
            IpcView.SCHEMA, new IpcView(),
            IndirectView.SCHEMA, new IndirectView());

    /** The view for a schema name such as "syscost.measure/1"; null when none. */
    static ResultView forSchema(String schema) {
        return BY_SCHEMA.get(schema);
    }

    /** A short human title, e.g. "Cost ladder". */
    String title();

    /** Fills {@code section} with this result's charts and tables (the header is already there). */
    void render(JsonNode result, Section section);

    /** The figures {@code compare} puts side by side, in display order. */
    List<Point> points(JsonNode result);
}
