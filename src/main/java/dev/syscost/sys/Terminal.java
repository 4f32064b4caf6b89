package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/** Whether a file descriptor is a terminal: {@code isatty(3)}, for drawing progress only where a person watches. */
public final class Terminal {
    private static final MethodHandle ISATTY = Native.downcall("isatty", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    /** Standard error's descriptor. */
    public static final int STDERR = 2;

    private Terminal() {}

    /** Links isatty (see {@link Prelink}): the first downcall of a run, which also sets up the linker. */
    static void prelink() {
        java.util.Objects.requireNonNull(ISATTY);
    }

    /** {@code isatty(fd) == 1}; false on any failure (EBADF, ENOTTY). */
    public static boolean isTerminal(int fd) {
        try {
            return (int) ISATTY.invokeExact(fd) == 1;
        } catch (Throwable t) {
            return false;
        }
    }
}
