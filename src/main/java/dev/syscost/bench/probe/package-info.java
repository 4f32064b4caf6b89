/**
 * The rungs of the ladder: one {@link dev.syscost.bench.Probe} per call, each declaring its kernel
 * entries per call, and {@link dev.syscost.bench.probe.Probes}, the ladder in order.
 *
 * <p>May import: {@code bench}, {@code sys} and the root package.
 */
package dev.syscost.bench.probe;
