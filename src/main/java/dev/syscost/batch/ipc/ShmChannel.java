package dev.syscost.batch.ipc;

import dev.syscost.SyscostException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A channel over two single-producer/single-consumer rings in one MAP_SHARED mapping, one ring per
 * direction. A message is copied into a slot and the ring's head index published; the reader copies it
 * out and publishes the tail index (as read(2)/write(2) copy too).
 *
 * <p>Waiting: a reader that finds its ring empty (or a writer that finds it full) either spins or,
 * for sleeping doorbells, raises the ring's waiters flag, re-checks the index and sleeps; the other
 * side rings only when it sees the flag. All index and flag accesses are volatile (sequentially
 * consistent), which is what makes "set flag, re-check" against "publish, check flag" lose no wake-up.
 */
final class ShmChannel implements Channel {
    static final long HEAD = 0;
    static final long HEAD_WAITERS = 64;
    static final long TAIL = 128;
    static final long TAIL_WAITERS = 192;
    static final long SLOTS = 256;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final String name;
    private final MemorySegment map;
    private final ShmLayout layout;
    private final long tx;
    private final long rx;
    private final Doorbell txData;
    private final Doorbell txSpace;
    private final Doorbell rxData;
    private final Doorbell rxSpace;
    private final Runnable onClose;
    private volatile boolean aborted;
    private boolean closed;
    private int txHead;
    private int rxTail;

    /** {@code tx}/{@code rx}: offsets of the ring this side writes and the ring it reads. */
    ShmChannel(String name, MemorySegment map, ShmLayout layout, long tx, long rx, Doorbell[] bells,
            Runnable onClose) {
        this.name = name;
        this.map = map;
        this.layout = layout;
        this.tx = tx;
        this.rx = rx;
        this.txData = bells[0];
        this.txSpace = bells[1];
        this.rxData = bells[2];
        this.rxSpace = bells[3];
        this.onClose = onClose;
    }

    @Override
    public void send(MemorySegment message) {
        int head = txHead;
        int tail;
        // Wait on the very tail value that made the ring look full: a fresher one could already be the
        // final one (the reader emptied the ring meanwhile), and waiting for it to change would never end.
        while (head - (tail = (int) INT.getVolatile(map, tx + TAIL)) >= layout.slots()) {
            awaitChange(tx + TAIL, tx + TAIL_WAITERS, tail, txSpace);
        }
        MemorySegment.copy(message, 0, map, layout.slot(tx, head), layout.messageBytes());
        INT.setVolatile(map, tx + HEAD, head + 1);
        txHead = head + 1;
        if ((int) INT.getVolatile(map, tx + HEAD_WAITERS) != 0) {
            txData.ring();
        }
    }

    @Override
    public void receive(MemorySegment message) {
        int tail = rxTail;
        while ((int) INT.getVolatile(map, rx + HEAD) == tail) {
            awaitChange(rx + HEAD, rx + HEAD_WAITERS, tail, rxData);
        }
        MemorySegment.copy(map, layout.slot(rx, tail), message, 0, layout.messageBytes());
        INT.setVolatile(map, rx + TAIL, tail + 1);
        rxTail = tail + 1;
        if ((int) INT.getVolatile(map, rx + TAIL_WAITERS) != 0) {
            rxSpace.ring();
        }
    }

    /** Waits until the word at {@code word} no longer holds {@code seen} (or returns early; callers loop). */
    private void awaitChange(long word, long waiters, int seen, Doorbell bell) {
        if (!bell.sleeps()) {
            // Spin a while before looking at the abort flag: it is a volatile read of another line.
            for (int i = 0; i < 4096; i++) {
                if ((int) INT.getVolatile(map, word) != seen) {
                    return;
                }
                Thread.onSpinWait();
            }
            checkAborted();
            return;
        }
        INT.setVolatile(map, waiters, 1);
        if ((int) INT.getVolatile(map, word) == seen) {
            bell.await(seen);
        }
        INT.setVolatile(map, waiters, 0);
        checkAborted();
    }

    private void checkAborted() {
        if (aborted) {
            throw new SyscostException(name + ": abandoned while waiting for the peer");
        }
    }

    @Override
    public void abort() {
        aborted = true;
        rxData.abort();
        txSpace.abort();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        txData.close();
        txSpace.close();
        rxData.close();
        rxSpace.close();
        onClose.run();
    }
}
