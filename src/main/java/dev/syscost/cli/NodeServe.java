package dev.syscost.cli;

import dev.syscost.SyscostException;
import dev.syscost.profile.Calibration;
import dev.syscost.profile.NodeCounter;
import dev.syscost.serve.NodeCollector;
import dev.syscost.sys.BpfVerifierException;
import dev.syscost.sys.NativeException;
import java.util.Locale;

/** {@code serve --node}'s start: the system-wide counter, or one line naming the privileges it needs. */
final class NodeServe {
    private NodeServe() {}

    static NodeCollector open(int topK) {
        try {
            return NodeCollector.open(topK, NodeCounter.configuredMaxEntries(), Calibration.cachedForThisMachine().orElse(null));
        } catch (NativeException | BpfVerifierException e) {
            throw new SyscostException("--node: counting every process's syscalls needs root or CAP_BPF+CAP_PERFMON ("
                    + e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ") + ")", e);
        }
    }

    static String describe(int topK) {
        boolean priced = Calibration.cachedForThisMachine().isPresent();
        return String.format(Locale.ROOT, "  counting every process's syscalls in the kernel (map of %d (process, syscall) pairs); "
                + "exporting the top %d processes by rate, the rest as comm=\"other\": at most %d process series%s",
                NodeCounter.configuredMaxEntries(), topK, NodeCollector.worstCaseProcessSeries(topK),
                priced ? "" : "; no cached calibration, so no tax gauges (run `syscost profile -- true` once to price)");
    }
}
