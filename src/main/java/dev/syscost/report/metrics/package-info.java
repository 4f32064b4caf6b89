/**
 * The collector of Prometheus metric families ({@link dev.syscost.report.metrics.MetricFamilies}) that the
 * rooms' {@code <Kind>Metrics} fill from their records and the {@code serve} daemon's collectors fill per
 * scrape; below every room, so a room and the daemon share it.
 *
 * <p>May import: the Prometheus client. Never {@code report}, a room, {@code serve}, {@code cli} or picocli.
 */
package dev.syscost.report.metrics;
