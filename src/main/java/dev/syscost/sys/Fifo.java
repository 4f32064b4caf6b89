package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Named pipes (mkfifo) and the fcntl that turns a non-blocking open back into a blocking descriptor. */
public final class Fifo {
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;

    private Fifo() {}

    /** Links mkfifo and fcntl (see {@link Prelink}). */
    static void prelink() {
        java.util.Objects.requireNonNull(Handles.MKFIFO);
        java.util.Objects.requireNonNull(Handles.FCNTL);
    }

    private static final class Handles {
        static final MethodHandle MKFIFO = Native.downcallErrno("mkfifo",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        // fcntl(int, int, ...): the third argument is variadic.
        static final MethodHandle FCNTL = Native.downcallErrno("fcntl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    }

    /** {@code mkfifo(path, mode)}; throws {@link NativeException} naming the fix. */
    public static void create(String path, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            if ((int) Handles.MKFIFO.invokeExact(capture, arena.allocateFrom(path), mode) != 0) {
                throw new NativeException("mkfifo(" + path + ")", Native.errno(capture),
                        "choose a writable local directory with --tmpdir");
            }
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Clears O_NONBLOCK on {@code fd}, so reads and writes block again. */
    public static void setBlocking(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            int flags = (int) Handles.FCNTL.invokeExact(capture, fd, F_GETFL, 0);
            if (flags < 0 || (int) Handles.FCNTL.invokeExact(capture, fd, F_SETFL, flags & ~Libc.O_NONBLOCK) < 0) {
                throw new NativeException("fcntl(" + fd + ", F_SETFL)", Native.errno(capture), null);
            }
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
