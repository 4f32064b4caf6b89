/**
 * The live one-line status that long runs draw on a terminal ({@link dev.syscost.progress.Progress}):
 * shared plumbing that sits below the measurers, so bench, batch, indirect and profile report progress
 * without depending on {@code report}.
 *
 * <p>May import: {@code sys} (to ask whether stderr is a terminal) and the root package; nothing above.
 */
package dev.syscost.progress;
