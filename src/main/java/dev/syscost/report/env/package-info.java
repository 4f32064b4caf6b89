/**
 * The room of {@code syscost.env/1} ({@link dev.syscost.env.EnvResult}): its format
 * ({@link dev.syscost.report.env.EnvFormat}), terminal text ({@link dev.syscost.report.env.EnvText}) and HTML
 * section. It has no metrics and no compare points; compare diffs its environment facts.
 *
 * <p>May import: {@code report.format}, {@code report.metrics}, {@code env} and Jackson. Never {@code report}
 * itself, another room, the measurers, {@code serve} or {@code cli}.
 */
package dev.syscost.report.env;
