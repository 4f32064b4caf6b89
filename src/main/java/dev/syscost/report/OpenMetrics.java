package dev.syscost.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syscost.report.format.Result;
import dev.syscost.report.metrics.MetricFamilies;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code --format openmetrics}: results as OpenMetrics text (what {@code syscost serve} exposes on
 * /metrics), written by the Prometheus client library's own writer. One line wires a command:
 * {@code out.print(OpenMetrics.renderResult(result))} (a record or a JsonNode).
 */
public final class OpenMetrics {
    /** The media type of the text this writes. */
    public static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private OpenMetrics() {}

    /** A result record (MeasureResult, ProfileResult, …) or tree as OpenMetrics text, ending with "# EOF". */
    public static String renderResult(Object result) {
        return renderAll(List.of(ResultFormats.of(result)));
    }

    /** One result tree (a file read back) as OpenMetrics text, ending with "# EOF". */
    public static String render(JsonNode result) {
        return renderAll(List.of(ResultFormats.parse(result)));
    }

    /** Several results (distinct series, e.g. a measure run and some profiles) as one exposition. */
    public static String renderAll(List<Result<?>> results) {
        MetricFamilies families = new MetricFamilies();
        results.forEach(r -> r.metrics(families));
        return write(families.snapshots());
    }

    /** Snapshots as OpenMetrics text. */
    public static String write(MetricSnapshots snapshots) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OpenMetricsTextFormatWriter.create().write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
