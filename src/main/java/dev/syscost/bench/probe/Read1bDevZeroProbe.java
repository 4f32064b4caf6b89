package dev.syscost.bench.probe;

import dev.syscost.sys.LadderCalls;
import dev.syscost.sys.Libc;

/** read(2) of one byte from /dev/zero: the file-descriptor path with the least device work. */
public final class Read1bDevZeroProbe extends FileProbe {
    public Read1bDevZeroProbe() {
        super("/dev/zero", Libc.O_RDONLY);
    }

    @Override
    public String id() {
        return "read_1b_dev_zero";
    }

    @Override
    public String description() {
        return "read(fd, buf, 1) from /dev/zero";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 1;
    }

    @Override
    public void setUp() {
        super.setUp();
        Libc.readChecked(fd, buf, 1);
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += LadderCalls.read(fd, bufAddress, 1);
        }
        return acc;
    }
}
