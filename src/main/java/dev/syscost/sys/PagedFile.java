package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small temporary file kept in the page cache, read with {@code pread(2)}: a syscall that touches
 * more kernel memory than getppid (page-cache lookup, a 4 KiB copy to user space). The file is
 * unlinked as soon as it is open, so it disappears even if the JVM dies; the descriptor keeps it alive.
 */
public final class PagedFile implements AutoCloseable {
    private static final class Pread {
        static final MethodHandle MH = Native.downcall("pread",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    }

    private final int fd;
    private final long sizeBytes;

    private PagedFile(int fd, long sizeBytes) {
        this.fd = fd;
        this.sizeBytes = sizeBytes;
    }

    /** Creates, fills, opens and unlinks a file of {@code sizeBytes} in {@code dir}, then reads it once into the page cache. */
    public static PagedFile createTemp(Path dir, int sizeBytes) {
        Path path;
        try {
            path = Files.createTempFile(dir, "syscost-pread-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp file in " + dir + "; set -Djava.io.tmpdir to a writable directory", e);
        }
        try {
            byte[] data = new byte[sizeBytes];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31 + 7);
            }
            Files.write(path, data);
            int fd = Libc.openChecked(path.toString(), Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
            PagedFile file = new PagedFile(fd, sizeBytes);
            file.warm();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write temp file " + path, e);
        } finally {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // the descriptor stays valid; only the name could not be removed
            }
        }
    }

    private void warm() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(4096, 4096);
            for (long off = 0; off < sizeBytes; off += 4096) {
                long n = pread(buf, Math.min(4096, sizeBytes - off), off);
                if (n <= 0) {
                    throw new NativeException("pread(temp file)", Errno.EINVAL, "the temp file could not be read back");
                }
            }
        }
    }

    /** {@code pread(fd, buf, count, offset)}: the raw result, -1 on failure (no errno capture: for timed loops). */
    public long pread(MemorySegment buf, long count, long offset) {
        try {
            return (long) Pread.MH.invokeExact(fd, buf, count, offset);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public void close() {
        Libc.closeChecked(fd);
    }
}
