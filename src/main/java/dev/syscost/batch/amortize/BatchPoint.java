package dev.syscost.batch.amortize;

/**
 * One batched-interface point: {@code batch} operations of {@code recordBytes} per submitting call.
 * {@code callsPerOp} is the submitting calls made per operation (writev/sendmmsg: 1/batch; io_uring:
 * io_uring_enter calls as made); {@code kernelEntriesPerOp} what the kernel counted (null if not counted);
 * {@code deliveredShare} the share of UDP datagrams the kernel did not drop at the receiving socket
 * (from /proc/net/udp; null elsewhere or where unreadable).
 */
public record BatchPoint(String api, int batch, double nsPerOp, double nsPerOpP10, double nsPerOpP90,
        Double kernelEntriesPerOp, Double callsPerOp, Double deliveredShare) {}
