package dev.syscost.batch.ipc;

/**
 * The shared file's layout: two rings, parent→child first. Each ring has four 64-byte lines (head, head
 * waiters, tail, tail waiters: one writer per line, no false sharing), then its slots, each a
 * whole number of cache lines.
 */
record ShmLayout(int messageBytes, int slots) {
    private static final int LINE = 64;
    private static final int RING_BYTES_TARGET = 256 * 1024;

    /**
     * The layout for messages of {@code messageBytes}: up to 256 KiB of slots per ring, 4 to 256 slots,
     * a power of two so that slot positions stay distinct when the 32-bit indices wrap.
     */
    static ShmLayout forMessage(int messageBytes) {
        long stride = strideOf(messageBytes);
        int slots = Integer.highestOneBit((int) Math.max(4, Math.min(256, RING_BYTES_TARGET / stride)));
        return new ShmLayout(messageBytes, slots);
    }

    private static long strideOf(int messageBytes) {
        return (messageBytes + LINE - 1L) / LINE * LINE;
    }

    long ringBytes() {
        return ShmChannel.SLOTS + slots * strideOf(messageBytes);
    }

    long parentToChild() {
        return 0;
    }

    long childToParent() {
        return ringBytes();
    }

    long fileBytes() {
        return 2 * ringBytes();
    }

    /** The offset of slot {@code index % slots} of the ring at {@code ring}. */
    long slot(long ring, int index) {
        return ring + ShmChannel.SLOTS + Integer.remainderUnsigned(index, slots) * strideOf(messageBytes);
    }
}
