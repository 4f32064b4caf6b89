package dev.syscost.bench.probe;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.syscost.sys.LadderCalls;
import dev.syscost.sys.Libc;

/** fstat(2) on an open /dev/null: a syscall that copies a 144-byte struct out to user space. */
public final class FstatProbe extends FileProbe {
    public FstatProbe() {
        super("/dev/null", Libc.O_RDONLY);
    }

    @Override
    public String id() {
        return "fstat";
    }

    @Override
    public String description() {
        return "fstat(fd, &st) on /dev/null: copies struct stat to user space";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 1;
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += LadderCalls.fstat(fd, bufAddress);
            acc += buf.get(JAVA_LONG, 8); // st_ino
        }
        return acc;
    }
}
