/**
 * The room of {@code syscost.compare/1}: the {@link dev.syscost.report.compare.Comparison} record with its
 * verdicts, its terminal text, its section of the HTML report and its format. The engine that makes a
 * comparison from two results of any kind is {@link dev.syscost.report.Compare}, above the rooms.
 *
 * <p>May import: {@code report.format}, {@code report.metrics}, {@code env} and Jackson. Never the root
 * {@code report} package, another room, {@code serve} or {@code cli}.
 */
package dev.syscost.report.compare;
