package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * eventfd(2): a kernel counter used as a doorbell. {@link Libc#write} of 8 bytes adds to it;
 * {@link Libc#read} of 8 bytes blocks until it is non-zero, then returns it and resets it to zero.
 */
public final class EventFd {
    public static final int EFD_CLOEXEC = 0x80000;

    private EventFd() {}

    private static final class Handles {
        static final MethodHandle EVENTFD = Native.downcallErrno("eventfd",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    /** A new blocking eventfd with count 0; throws {@link NativeException} naming the fix. */
    public static int create() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            int fd = (int) Handles.EVENTFD.invokeExact(capture, 0, EFD_CLOEXEC);
            if (fd < 0) {
                throw new NativeException("eventfd", Native.errno(capture),
                        "raise the open-file limit (ulimit -n), or the kernel lacks CONFIG_EVENTFD");
            }
            return fd;
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
