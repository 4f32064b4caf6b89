package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

/** Vectored and positioned I/O: writev(2) with {@code struct iovec}, lseek(2), pread(2), ftruncate(2). */
public final class Uio {
    /** {@code struct iovec} (include/uapi/linux/uio.h): 16 bytes on x86-64. */
    public static final StructLayout IOVEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("iov_base"),
            JAVA_LONG.withName("iov_len"));
    /** {@code UIO_MAXIOV}: the most iovecs one writev accepts. */
    public static final int IOV_MAX = 1024;
    public static final int SEEK_SET = 0;

    private Uio() {}

    private static final class Writev {
        static final MethodHandle MH = Native.downcall("writev",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    }

    private static final class Lseek {
        static final MethodHandle ERRNO = Native.downcallErrno("lseek",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT));
    }

    private static final class Pread {
        static final MethodHandle ERRNO = Native.downcallErrno("pread",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    }

    /** Sets iovec {@code i} of {@code iov} to {@code (base, len)}. */
    public static void setIovec(MemorySegment iov, int i, MemorySegment base, long len) {
        iov.setAtIndex(JAVA_LONG, 2L * i, base.address());
        iov.setAtIndex(JAVA_LONG, 2L * i + 1, len);
    }

    /** {@code writev(fd, iov, count)} unchecked, for timed loops: bytes written or -1. */
    public static long writev(int fd, MemorySegment iov, int count) {
        try {
            return (long) Writev.MH.invokeExact(fd, iov, count);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code lseek(fd, offset, whence)}; throws {@link NativeException} on failure. */
    public static long lseekChecked(int fd, long offset, int whence) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            long r = (long) Lseek.ERRNO.invokeExact(capture, fd, offset, whence);
            if (r < 0) {
                throw new NativeException("lseek(" + fd + ")", Native.errno(capture), null);
            }
            return r;
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code pread(fd, buf, count, offset)}; throws {@link NativeException} on failure. */
    public static long preadChecked(int fd, MemorySegment buf, long count, long offset) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            long r = (long) Pread.ERRNO.invokeExact(capture, fd, buf, count, offset);
            if (r < 0) {
                throw new NativeException("pread(" + fd + ")", Native.errno(capture), null);
            }
            return r;
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
