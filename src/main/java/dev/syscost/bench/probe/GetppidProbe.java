package dev.syscost.bench.probe;

import dev.syscost.bench.Probe;
import dev.syscost.sys.LadderCalls;

/** getppid(2) through libc: the cheapest real syscall (reads one field under RCU). */
public final class GetppidProbe implements Probe {
    @Override
    public String id() {
        return "getppid";
    }

    @Override
    public String description() {
        return "getppid() through libc: a minimal real syscall";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 1;
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += LadderCalls.getppid();
        }
        return acc;
    }
}
