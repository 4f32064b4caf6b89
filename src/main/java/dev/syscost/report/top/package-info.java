/**
 * The room of {@code syscost.top/1}: the screen of {@code syscost top} (one-shot text and the live
 * terminal view), a saved snapshot's section of the HTML report, and its format.
 *
 * <p>May import: {@code report.format}, {@code report.metrics}, {@code top}, {@code sys} (the terminal),
 * {@code env} and Jackson. Never the root {@code report} package, another room, {@code serve} or {@code cli}.
 */
package dev.syscost.report.top;
