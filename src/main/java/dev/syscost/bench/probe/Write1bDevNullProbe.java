package dev.syscost.bench.probe;

import dev.syscost.sys.LadderCalls;
import dev.syscost.sys.Libc;

/** write(2) of one byte to /dev/null. */
public final class Write1bDevNullProbe extends FileProbe {
    public Write1bDevNullProbe() {
        super("/dev/null", Libc.O_WRONLY);
    }

    @Override
    public String id() {
        return "write_1b_dev_null";
    }

    @Override
    public String description() {
        return "write(fd, buf, 1) to /dev/null";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 1;
    }

    @Override
    public void setUp() {
        super.setUp();
        Libc.writeChecked(fd, buf, 1);
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += LadderCalls.write(fd, bufAddress, 1);
        }
        return acc;
    }
}
