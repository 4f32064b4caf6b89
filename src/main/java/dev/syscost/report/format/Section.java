package dev.syscost.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One result's part of the HTML report, as data: a title, the environment lines and warnings shown at
 * the top of the page, then blocks (charts as ECharts options, tables, raw JSON) that the page's
 * script turns into DOM with {@code textContent} only, so no string from a result is ever parsed as HTML.
 */
public final class Section {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode node = NODES.objectNode();
    private final ArrayNode env = NODES.arrayNode();
    private final ArrayNode warnings = NODES.arrayNode();
    private final ArrayNode blocks = NODES.arrayNode();

    /** A section for a result of {@code schema}, headed {@code title}. */
    public Section(String schema, String title, String source) {
        node.put("schema", schema);
        node.put("title", title);
        node.put("source", source);
        node.set("env", env);
        node.set("warnings", warnings);
        node.set("blocks", blocks);
    }

    /** Marks the section as built from other sections (no environment or warnings of its own). */
    public Section derived() {
        node.put("derived", true);
        return this;
    }

    /** Adds a line to the environment summary at the top. */
    public Section envLine(String line) {
        env.add(line);
        return this;
    }

    /** Adds a warning shown at the top of the page. */
    public Section warning(String text) {
        warnings.add(text);
        return this;
    }

    /** Adds a paragraph of explanatory text. */
    public Section note(String text) {
        blocks.addObject().put("kind", "note").put("text", text);
        return this;
    }

    /** Adds a chart: {@code option} is an ECharts option object; {@code id} names it in the DOM. */
    public Section chart(String id, String title, ObjectNode option) {
        ObjectNode b = blocks.addObject();
        b.put("kind", "chart").put("id", id).put("title", title);
        b.set("option", option);
        return this;
    }

    /**
     * Adds an icicle flame graph of a call tree: {@code root} is {name, kind, value, children[]}, a node's value
     * its calls (children may sum to less: the rest was too small to draw). Names are shown as text only.
     */
    public Section flame(String id, String title, ObjectNode root) {
        ObjectNode b = blocks.addObject();
        b.put("kind", "flame").put("id", id).put("title", title);
        b.set("root", root);
        return this;
    }

    /** Adds a table; cells are shown as text. */
    public Section table(String title, List<String> columns, List<List<String>> rows) {
        ObjectNode b = blocks.addObject();
        b.put("kind", "table").put("title", title);
        ArrayNode cols = b.putArray("columns");
        columns.forEach(cols::add);
        ArrayNode body = b.putArray("rows");
        for (List<String> row : rows) {
            ArrayNode r = body.addArray();
            row.forEach(r::add);
        }
        return this;
    }

    /** Adds a collapsible block showing a JSON value as text. */
    public Section json(String title, JsonNode value) {
        ObjectNode b = blocks.addObject();
        b.put("kind", "json").put("title", title);
        b.set("value", value);
        return this;
    }

    /** The section as a JSON tree, for the page's data island. */
    public ObjectNode toNode() {
        return node;
    }
}
