/**
 * Results as Prometheus metric families ({@link dev.syscost.report.metrics.MetricFamilies}) for
 * {@code --format openmetrics}, and, for now, the {@code syscost serve} daemon (HTTP server, background
 * re-measuring, watched processes), which issue 13 moves to its own package.
 *
 * <p>May import: {@code report}, the measurers, {@code sys}, {@code env}, the root package, Jackson and the
 * Prometheus client. Never {@code cli} or picocli.
 */
package dev.syscost.report.metrics;
