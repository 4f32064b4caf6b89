package dev.syscost.batch.ipc;

import dev.syscost.SyscostException;
import dev.syscost.sys.Libc;
import java.lang.foreign.MemorySegment;

/** A channel over descriptors (FIFOs or a stream socket): a message is one write(2) and one or more read(2)s. */
final class FdChannel implements Channel {
    private final String name;
    private final int readFd;
    private final int writeFd;
    private boolean closed;

    FdChannel(String name, int readFd, int writeFd) {
        this.name = name;
        this.readFd = readFd;
        this.writeFd = writeFd;
    }

    @Override
    public void send(MemorySegment message) {
        long size = message.byteSize();
        long done = 0;
        while (done < size) {
            long n = Libc.write(writeFd, done == 0 ? message : message.asSlice(done), size - done);
            if (n <= 0) {
                throw new SyscostException(name + ": write failed after " + done + " of " + size
                        + " bytes (the peer process has gone)");
            }
            done += n;
        }
    }

    @Override
    public void receive(MemorySegment message) {
        long size = message.byteSize();
        long done = 0;
        while (done < size) {
            // A stream may deliver a message in pieces; a 4 KiB message usually arrives in one read.
            long n = Libc.read(readFd, done == 0 ? message : message.asSlice(done), size - done);
            if (n <= 0) {
                throw new SyscostException(name + ": " + (n == 0 ? "end of file" : "read failed") + " after "
                        + done + " of " + size + " bytes (the peer process has gone)");
            }
            done += n;
        }
    }

    @Override
    public void abort() {
        // Nothing to do: the peer is killed, which ends our blocked read or write.
    }

    @Override
    public void close() {
        if (closed) {
            return; // a second close could hit a descriptor number the process has since reused
        }
        closed = true;
        Libc.close(readFd);
        if (writeFd != readFd) {
            Libc.close(writeFd);
        }
    }
}
