package dev.syscost.report.view;
import dev.syscost.report.format.EnvLines;
import dev.syscost.report.format.Tables;
import dev.syscost.report.format.Section;
import dev.syscost.report.format.Point;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** {@code syscost.env/1}: what is on the boundary path, as a table (its lines also head the page). */
public final class EnvView implements ResultView {
    public static final String SCHEMA = "syscost.env/1";

    @Override
    public String title() {
        return "Environment (syscost env)";
    }

    @Override
    public void render(JsonNode result, Section section) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : EnvLines.of(result.path("env").isObject() ? result.path("env") : result)) {
            int colon = line.indexOf(": ");
            rows.add(colon < 0 ? List.of(line, "") : List.of(line.substring(0, colon), line.substring(colon + 2)));
        }
        section.table("Summary", List.of("item", "value"), rows);
        JsonNode env = result.path("env");
        if (env.isObject()) {
            Tables.addAll(env, section, java.util.Set.of());
        }
    }

    @Override
    public List<Point> points(JsonNode result) {
        return List.of();
    }
}
