/**
 * Every view of a result: the terminal text of each command, JSON ({@link dev.syscost.report.Json}),
 * the self-contained HTML report, OpenMetrics, and {@code compare}.
 *
 * <p>May import: the measurers ({@code bench}, {@code batch}, {@code indirect}, {@code profile}),
 * {@code sys}, {@code env}, the root package, Jackson and the Prometheus client. Never {@code cli} or picocli.
 */
package dev.syscost.report;
