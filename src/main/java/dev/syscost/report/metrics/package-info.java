/**
 * Results as Prometheus metric families ({@link dev.syscost.report.metrics.MetricFamilies}) for
 * {@code --format openmetrics} and for the {@code serve} daemon's scrapes.
 *
 * <p>May import: {@code report}, the measurers, {@code sys}, {@code env}, the root package, Jackson and the
 * Prometheus client. Never {@code serve}, {@code cli} or picocli.
 */
package dev.syscost.report.metrics;
