package dev.syscost.bench.probe;

import dev.syscost.bench.Probe;
import dev.syscost.sys.Errno;
import dev.syscost.sys.LadderCalls;
import dev.syscost.sys.Libc;
import dev.syscost.sys.NativeException;
import dev.syscost.sys.SyscallTable;

/**
 * syscall(2) with a number no kernel implements: the kernel enters, finds no handler, returns ENOSYS.
 * This is the floor of every syscall: mode switch, entry/exit work and mitigations, no handler.
 */
public final class InvalidSyscallProbe implements Probe {
    /** Far above the highest number in the table, and below the x32 bit: never a real syscall. */
    private final long nr = SyscallTable.x86_64().maxNumber() + 512;

    @Override
    public String id() {
        return "invalid_syscall";
    }

    @Override
    public String description() {
        return "syscall(" + nr + "): an unused number, the bare kernel entry/exit (ENOSYS)";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 1;
    }

    @Override
    public void setUp() {
        try {
            Libc.syscallChecked("syscall(" + nr + ")", null, nr, 0, 0, 0, 0, 0, 0);
            throw new UnsupportedOperationException("syscall " + nr + " unexpectedly succeeded");
        } catch (NativeException e) {
            if (e.errno() != Errno.ENOSYS) {
                throw new UnsupportedOperationException("syscall " + nr + " returned " + e.errnoName()
                        + ", not ENOSYS: a seccomp filter or sandbox answers it");
            }
        }
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += LadderCalls.syscall(nr);
        }
        return acc;
    }
}
