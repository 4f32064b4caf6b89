/**
 * Amortisation: what chunking and batching buy at the boundary ({@code syscost amortize}:
 * {@link dev.syscost.batch.Amortize}, its config and result record). The sweeps live in {@code batch.amortize},
 * messages between processes in {@code batch.ipc}.
 *
 * <p>May import: {@code bench}, {@code sys}, {@code env}, the root package and {@code progress}.
 * Never {@code report}, nor {@code cli} or picocli.
 */
package dev.syscost.batch;
