/**
 * Every view of a result. Each result kind has a room ({@code report/measure}, {@code report/env},
 * {@code report/profile}, {@code report/amortize}, {@code report/ipc}, {@code report/indirect},
 * {@code report/compare}, {@code report/top}) whose {@code <Kind>Format} renders its typed record as terminal
 * text, an HTML section, OpenMetrics and compare points; the rooms build on the kit in {@code report/format}
 * and {@code report/metrics}. This package holds what spans the kinds: {@link dev.syscost.report.ResultFormats}
 * (the registry, and the parser of a file back into its record by schema id), the self-contained HTML page,
 * the OpenMetrics exposition, the {@code compare} engine, and reading and writing result files safely.
 *
 * <p>May import: the rooms, the kit, the measurers ({@code bench}, {@code batch}, {@code indirect},
 * {@code profile}, {@code top}), {@code sys}, {@code env}, the root package, Jackson and the Prometheus client.
 * Never {@code serve}, {@code cli} or picocli.
 */
package dev.syscost.report;
