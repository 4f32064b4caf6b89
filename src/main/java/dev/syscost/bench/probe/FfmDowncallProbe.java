package dev.syscost.bench.probe;

import dev.syscost.bench.Probe;
import dev.syscost.sys.LadderCalls;

/** An FFM downcall to libc {@code labs}: the Java → native transition with no kernel entry. */
public final class FfmDowncallProbe implements Probe {
    @Override
    public String id() {
        return "ffm_downcall";
    }

    @Override
    public String description() {
        return "FFM downcall (critical, as every rung above it) to libc labs(), which never enters the kernel";
    }

    @Override
    public int kernelEntriesPerCall() {
        return 0;
    }

    @Override
    public long run(int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += LadderCalls.labs(i - acc);
        }
        return acc;
    }
}
