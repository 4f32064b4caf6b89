/**
 * The {@code syscost serve} daemon: the embedded HTTP server and its limits
 * ({@link dev.syscost.serve.MetricsServer}), the background re-measuring at a bounded duty cycle
 * ({@link dev.syscost.serve.Remeasurer}), watched processes and the node-wide counter, all collected
 * into {@link dev.syscost.report.metrics.MetricFamilies} per scrape. An address, port or watched pid it
 * cannot use is an {@link dev.syscost.InvalidSettingException} of the setting {@code bind}, {@code port} or
 * {@code watch}, which {@code cli} words as the flag.
 *
 * <p>May import: {@code report} (the metric families, and {@code report.measure} for the latest run's), the
 * measurers, {@code sys}, {@code env}, the root package, Jetty and the Prometheus client. Never {@code cli} or
 * picocli.
 */
package dev.syscost.serve;
