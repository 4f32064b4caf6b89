/**
 * The room of {@code syscost amortize} results ({@code syscost.amortize/1}, {@link dev.syscost.batch.AmortizeResult}):
 * {@link dev.syscost.report.amortize.AmortizeFormat} and the views it delegates to, the terminal tables
 * ({@link dev.syscost.report.amortize.AmortizeText}), the HTML section (cost per byte and per call against chunk
 * size, the batched interfaces) and the figures {@code compare} sets side by side. No metrics.
 *
 * <p>May import: {@code report.format}, {@code report.metrics}, {@code batch}, {@code env} and Jackson. Never
 * {@code report} itself, another room, {@code serve} or {@code cli}.
 */
package dev.syscost.report.amortize;
