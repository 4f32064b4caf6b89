package dev.syscost.bench;

/**
 * One rung of the cost ladder: a call repeated in a loop. A probe declares how many times one call
 * enters the kernel; where perf events are permitted the harness verifies that claim, so a call that
 * libc answers without entering the kernel can never pass as a syscall.
 */
public interface Probe {
    /** Stable id, part of the JSON contract (e.g. {@code getppid}). */
    String id();

    /** One line on what one call does. */
    String description();

    /** Kernel entries one call makes (0 for calls that stay in user space). */
    int kernelEntriesPerCall();

    /**
     * Prepares buffers and file descriptors and checks the call works once; throws
     * {@link dev.syscost.sys.NativeException} (or {@link UnsupportedOperationException}) when it cannot run
     * here, and the probe is reported unavailable with that reason.
     */
    default void setUp() {}

    /**
     * Makes {@code calls} calls and returns a value derived from every result, which the harness
     * consumes: without it the JIT could drop calls whose results are unused.
     */
    long run(int calls);

    /** Releases what {@link #setUp()} took; called even when setUp failed half-way. */
    default void tearDown() {}
}
