package dev.syscost.report.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.env.Environment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The environment of a result tree the generic view shows (its {@code env} object) as short lines for
 * report headers: the environment record's own summary when the tree reads as one, otherwise its scalar
 * fields flattened, so a newer or older env shape is still shown rather than dropped. Also the flat facts
 * {@code compare} diffs.
 */
public final class EnvLines {
    private EnvLines() {}

    /** All lines describing {@code env} (empty when there is none). */
    public static List<String> of(JsonNode env) {
        List<String> lines = new ArrayList<>();
        if (env == null || !env.isObject()) {
            return lines;
        }
        JsonNode summary = env.path("summaryLines");
        if (summary.isArray() && !summary.isEmpty()) {
            summary.forEach(l -> lines.add(l.asText()));
            return lines;
        }
        if (env.path("kernel").isObject() && env.path("cpu").isObject()) {
            try {
                // the environment record's own summary, the one the terminal prints: never a second wording
                return Trees.READER.treeToValue(env, Environment.class).summaryLines();
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                // too partial for the record: its facts below
            }
        }
        flatten("", env, lines, 0);
        return lines;
    }

    /** Every scalar of {@code env} as "key: value" (nested keys dotted), ignoring its summary lines: for diffs. */
    public static List<String> flat(JsonNode env) {
        List<String> lines = new ArrayList<>();
        if (env != null && env.isObject()) {
            flatten("", env, lines, 0);
        }
        // What changes from run to run on the same machine is no difference of machine.
        lines.removeIf(l -> l.startsWith("load.") || l.startsWith("unknowns") || l.contains("evidence")
                || l.startsWith("timekeeping.vdsoAddress") || l.startsWith("jdk.home"));
        return lines;
    }

    private static void flatten(String prefix, JsonNode node, List<String> lines, int depth) {
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (key.equals("warnings") || key.equals("summaryLines") || v.isNull() || v.isMissingNode()) {
                continue;
            }
            if (v.isValueNode()) {
                lines.add(key + ": " + v.asText());
            } else if (v.isArray() && allScalars(v)) {
                if (!v.isEmpty()) {
                    List<String> parts = new ArrayList<>();
                    v.forEach(x -> parts.add(x.asText()));
                    lines.add(key + ": " + String.join(", ", parts));
                }
            } else if (v.isObject() && depth < 2) {
                flatten(key + ".", v, lines, depth + 1);
            } else if (v.isArray() && depth < 2 && allNamed(v)) {
                for (JsonNode item : v) {
                    flatten(key + "." + item.path("name").asText() + ".", item, lines, depth + 1);
                }
            } else {
                lines.add(key + ": " + v);
            }
        }
    }

    private static boolean allNamed(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isObject() || !x.path("name").isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isValueNode()) {
                return false;
            }
        }
        return true;
    }
}
