package dev.syscost.report.format;

import dev.syscost.report.metrics.MetricFamilies;
import java.util.List;

/**
 * A result record bound to its format, so callers that hold results of any kind (the HTML page, compare,
 * the OpenMetrics exposition) render them without casts.
 *
 * @param format its format
 * @param record the result
 * @param <R>    the record type
 */
public record Result<R>(ResultFormat<R> format, R record) {
    public String schema() {
        return format.schema(record);
    }

    public String title() {
        return format.title();
    }

    public Header header() {
        return format.header(record);
    }

    public String text() {
        return format.text(record);
    }

    public void html(Section section) {
        format.html(record, section);
    }

    public void metrics(MetricFamilies families) {
        format.metrics(record, families);
    }

    public List<Point> points() {
        return format.points(record);
    }
}
