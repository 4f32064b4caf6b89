/**
 * The measuring harness (warm-up, trials, consumed results, medians and intervals) and the cost ladder
 * of {@code syscost measure}: {@link dev.syscost.bench.Measure}, its config, result record and
 * decomposition of the syscall cost into measured terms.
 *
 * <p>May import: {@code sys}, {@code env}, the root package and {@code progress}.
 * Never {@code report}, nor {@code cli} or picocli.
 */
package dev.syscost.bench;
