/**
 * The room of {@code syscost ipc} results ({@code syscost.ipc/1}, {@link dev.syscost.batch.ipc.IpcResult}):
 * {@link dev.syscost.report.ipc.IpcFormat} and the views it delegates to, the terminal table
 * ({@link dev.syscost.report.ipc.IpcText}), the HTML section (latency percentiles and throughput per transport)
 * and the figures {@code compare} sets side by side. No metrics.
 *
 * <p>May import: {@code report.format}, {@code report.metrics}, {@code batch.ipc}, {@code env} and Jackson.
 * Never {@code report} itself, another room, {@code serve} or {@code cli}.
 */
package dev.syscost.report.ipc;
