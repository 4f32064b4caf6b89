/**
 * The kit every result kind's room builds its views with: the {@link dev.syscost.report.format.ResultFormat}
 * interface and its binding {@link dev.syscost.report.format.Result}, the report {@link
 * dev.syscost.report.format.Header}, HTML {@link dev.syscost.report.format.Section}s with their charts and
 * tables, compare {@link dev.syscost.report.format.Point}s, text tables and number formatting, and
 * {@link dev.syscost.report.format.GenericFormat} for results no room reads.
 *
 * <p>May import: {@code report.metrics}, {@code env}, the root package and Jackson. Never the rooms,
 * {@code report} itself, the measurers, {@code serve} or {@code cli}.
 */
package dev.syscost.report.format;
