/**
 * Every process's syscalls on this host, live: the system-wide in-kernel counter read once per interval
 * ({@link dev.syscost.top.NodeTally}), what /proc says about each process, and the priced snapshot
 * ({@link dev.syscost.top.TopSnapshot}) that {@code syscost top} draws and {@code serve --node} exports.
 * May import {@code profile} (the counter, the price table), {@code sys} and {@code env}; never {@code report} or {@code cli}.
 */
package dev.syscost.top;
