/**
 * {@code syscost ipc}: round-trip latency, one-way throughput and kernel entries of messages between two
 * processes over pipes, UNIX and TCP sockets and shared memory ({@link dev.syscost.batch.ipc.Ipc},
 * {@link dev.syscost.batch.ipc.IpcConfig}, {@link dev.syscost.batch.ipc.IpcResult}), and the peer process.
 *
 * <p>May import: {@code bench}, {@code sys}, {@code env}, the root package and {@code progress}.
 */
package dev.syscost.batch.ipc;
