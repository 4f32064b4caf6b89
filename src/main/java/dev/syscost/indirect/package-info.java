/**
 * {@code syscost indirect}: the cold-cache bill, the extra user time per syscall beyond its direct cost,
 * net of a spin control of equal length, across working sets and syscall rates
 * ({@link dev.syscost.indirect.Indirect}, its config, result record and PMU mode).
 *
 * <p>May import: {@code bench}, {@code sys}, {@code env}, the root package and {@code progress}.
 * Never {@code report}, nor {@code cli} or picocli.
 */
package dev.syscost.indirect;
