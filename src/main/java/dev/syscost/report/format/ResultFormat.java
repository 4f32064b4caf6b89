package dev.syscost.report.format;

import dev.syscost.report.metrics.MetricFamilies;
import java.util.List;

/**
 * Every view of one result kind, over its typed record: terminal text, its section of the HTML report,
 * its OpenMetrics families and the figures {@code compare} puts side by side. One implementation per
 * result kind, in that kind's room ({@code report/measure}, {@code report/profile}, …), named
 * {@code <Kind>Format}; the room's {@code <Kind>Text}, {@code <Kind>Html} and {@code <Kind>Metrics} do the
 * work. A file read back from disk is parsed into the same record (by {@code ResultFormats}), so no view
 * reads a JSON tree by key. Model: JMH's {@code results/format/ResultFormat}.
 *
 * @param <R> the result record
 */
public interface ResultFormat<R> {
    /** The schema ids this format reads, the one syscost writes now first ("syscost.profile/2", "…/1"). */
    List<String> schemas();

    /** The record a file of these schemas is parsed into. */
    Class<R> type();

    /** The schema id the result carries. */
    String schema(R result);

    /** A short human title, e.g. "Cost ladder (syscost measure)". */
    String title();

    /** What heads the result everywhere: its environment, its warnings, when and by what it was made. */
    Header header(R result);

    /** The result as terminal text (the command's default settings). */
    String text(R result);

    /** Fills {@code section} with the result's charts and tables (the header is already there). */
    void html(R result, Section section);

    /** Adds the result's metric families; most kinds have none. */
    default void metrics(R result, MetricFamilies families) {
    }

    /** The figures {@code compare} puts side by side, in display order; none by default. */
    default List<Point> points(R result) {
        return List.of();
    }
}
