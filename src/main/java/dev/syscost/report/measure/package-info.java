/**
 * The room of {@code syscost.measure/1} ({@link dev.syscost.bench.MeasureResult}): its format
 * ({@link dev.syscost.report.measure.MeasureFormat}), terminal text ({@link dev.syscost.report.measure.MeasureText}),
 * HTML section, metric families ({@link dev.syscost.report.measure.MeasureMetrics}, also what {@code serve}
 * exposes) and compare points. Every view reads the record, never a JSON tree by key.
 *
 * <p>May import: {@code report.format}, {@code report.metrics}, {@code bench}, {@code env} and Jackson. Never
 * {@code report} itself, another room, {@code serve} or {@code cli}.
 */
package dev.syscost.report.measure;
