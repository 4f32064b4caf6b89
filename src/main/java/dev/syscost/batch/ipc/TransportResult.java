package dev.syscost.batch.ipc;

/**
 * One transport at one message size. Latency percentiles are of individual round trips over all
 * trials; throughput is the median over trials; kernel entries are both processes' measuring threads
 * together, from a separate counted phase (counting slows every syscall, so it never overlaps timing).
 * Fields that could not be measured are null, with the reason in {@code unavailableReason} or
 * {@code kernelEntriesNote}.
 */
public record TransportResult(
        String name,
        int messageBytes,
        boolean available,
        String unavailableReason,
        String mechanism,
        String placement,
        int parentCpu,
        int childCpu,
        long roundTrips,
        Long p50Ns,
        Long p99Ns,
        Long p999Ns,
        Long minNs,
        Long maxNs,
        Double p50TrialSpreadRel,
        long throughputMessages,
        Double throughputMsgsPerSec,
        Double throughputMBPerSec,
        Double throughputTrialSpreadRel,
        Double kernelEntriesPerMessage,
        Double kernelEntriesPerRoundTrip,
        String kernelEntriesNote) {

    /** A transport that could not run here, and why. */
    static TransportResult unavailable(Transport t, int messageBytes, String placement, int parentCpu, int childCpu,
            String reason) {
        return new TransportResult(t.id(), messageBytes, false, reason, t.mechanism(), placement, parentCpu, childCpu,
                0, null, null, null, null, null, null, 0, null, null, null, null, null, null);
    }
}
