package dev.syscost.batch.ipc;

import dev.syscost.sys.NativeException;
import dev.syscost.sys.SyscallCounter;

/**
 * Kernel entries of the calling thread over counted phases, each from {@link #start} to {@link #stop};
 * the phase loops call both, so the SYNC and STOP handshakes around a phase are left out. One meter
 * serves consecutive counted phases, because opening and closing the syscall tracepoint costs tens of
 * milliseconds. A meter that could not open its counter (perf refused) counts nothing and says why.
 */
final class EntryMeter implements AutoCloseable {
    /** A meter for timed phases: counts nothing, costs nothing. */
    static final EntryMeter OFF = new EntryMeter(null, "");

    private final SyscallCounter counter;
    private final String note;
    private long before;
    private long entries = -1;

    private EntryMeter(SyscallCounter counter, String note) {
        this.counter = counter;
        this.note = note;
    }

    /** Opens a counter on the calling thread, or a meter that records why it could not. */
    static EntryMeter open() {
        try {
            return new EntryMeter(SyscallCounter.forCurrentThread(), "");
        } catch (NativeException e) {
            return new EntryMeter(null, e.getMessage());
        }
    }

    void start() {
        if (counter != null) {
            before = counter.read();
        }
    }

    void stop() {
        if (counter != null) {
            entries = counter.read() - before - 1; // the first read's own entry lands in between
        }
    }

    /**
     * Opens and closes a counter once, so the first counted phase does not pay for class loading and
     * tracefs lookups; best effort.
     */
    static void warmUp() {
        open().close();
    }

    /** Entries between the last start and stop, or -1 when not counted. */
    long entries() {
        return entries;
    }

    /** Why nothing was counted, or "". */
    String note() {
        return note;
    }

    @Override
    public void close() {
        if (counter != null) {
            counter.close();
        }
    }
}
