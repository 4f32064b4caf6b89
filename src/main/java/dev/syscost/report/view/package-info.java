/**
 * The HTML report's and {@code compare}'s per-schema views of result trees: sections, tables, charts and
 * the figures compare sets side by side, behind {@link dev.syscost.report.view.LegacyFormat} while each kind
 * moves to its room.
 *
 * <p>May import: {@code report}, the measurers' records, {@code env}, the root package and Jackson. Never {@code cli}.
 */
package dev.syscost.report.view;
