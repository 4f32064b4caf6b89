/**
 * The parts of {@code syscost amortize}: chunk-size sweeps per target with their slope fit and
 * break-even, write vs writev, sendto vs sendmmsg, io_uring, and the Java APIs mapped to syscalls.
 *
 * <p>May import: {@code bench}, {@code sys}, {@code env}, the root package and {@code progress}.
 */
package dev.syscost.batch.amortize;
