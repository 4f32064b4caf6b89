/**
 * Every FFM binding and nothing else: libc, perf events, BPF, io_uring, sockets, futexes, /proc and tracefs
 * reads. The only package that may use {@code java.lang.foreign.Linker} (downcall handles, upcall stubs);
 * each failed call becomes a {@link dev.syscost.sys.NativeException} with errno, its name and the fix.
 *
 * <p>May import: the JDK and the root package. Never {@code env}, the measurers, {@code report} or {@code cli}.
 */
package dev.syscost.sys;
