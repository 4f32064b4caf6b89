/**
 * The room of {@code syscost indirect} results ({@code syscost.indirect/1}, {@link dev.syscost.indirect.IndirectResult}):
 * {@link dev.syscost.report.indirect.IndirectFormat} and the views it delegates to, the terminal grids
 * ({@link dev.syscost.report.indirect.IndirectText}), the HTML section (indirect cost against working set, one
 * curve per rate) and the figures {@code compare} sets side by side. No metrics.
 *
 * <p>May import: {@code report.format}, {@code report.metrics}, {@code indirect}, {@code env} and Jackson. Never
 * {@code report} itself, another room, {@code serve} or {@code cli}.
 */
package dev.syscost.report.indirect;
