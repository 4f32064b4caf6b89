package dev.syscost.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/** A self-contained HTML report of one or more syscost results. (Stub: the reports issue fills this in.) */
public final class HtmlReport {
    private HtmlReport() {}

    /** Renders the results (JSON trees of any syscost schema) into one HTML page. */
    public static String render(List<JsonNode> results) {
        StringBuilder sb = new StringBuilder("<!doctype html><meta charset=utf-8><title>syscost</title><pre>");
        for (JsonNode r : results) {
            sb.append(escape(Json.toJson(r)));
        }
        return sb.append("</pre>").toString();
    }

    /** Writes the report, refusing to overwrite without {@code force}. */
    public static void write(Path path, List<JsonNode> results, boolean force) {
        OutputFile.write(path, render(results), force, "--html");
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
