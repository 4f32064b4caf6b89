package dev.syscost.batch.ipc;

import dev.syscost.env.Environment;
import java.util.List;

/**
 * The result of {@code syscost ipc} (JSON schema {@code syscost.ipc/1}).
 *
 * @param placement {@code different-cores}, {@code same-core} or {@code unpinned}
 * @param parentCpu the CPU the measuring thread was pinned to, or -1
 * @param childCpu  the CPU the peer pinned itself to, or -1
 */
public record IpcResult(
        String schema,
        Environment env,
        boolean quick,
        String placement,
        int parentCpu,
        int childCpu,
        int trials,
        long messagesPerTrial,
        long trialBudgetMs,
        String latencyMethod,
        String throughputMethod,
        String kernelEntriesMethod,
        List<TransportResult> transports,
        List<String> warnings) {
    public static final String SCHEMA = "syscost.ipc/1";
    static final String LATENCY_METHOD = "closed-loop ping-pong: the parent sends a message and waits for the"
            + " peer's echo; each round trip is timed with System.nanoTime and recorded as measured in an"
            + " HdrHistogram (3 significant digits). No coordinated-omission correction: the next message is only"
            + " sent after the reply, so there is no schedule to fall behind.";
    static final String THROUGHPUT_METHOD = "one-way: the parent sends messages back to back; the peer receives and"
            + " checks each and acknowledges the last; time from the first send to the acknowledgement.";
    static final String KERNEL_ENTRIES_METHOD = "raw_syscalls:sys_enter counted with perf on both processes'"
            + " measuring threads, in a separate phase after the timed ones.";

    public IpcResult {
        transports = List.copyOf(transports);
        warnings = List.copyOf(warnings);
    }
}
