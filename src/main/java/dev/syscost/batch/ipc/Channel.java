package dev.syscost.batch.ipc;

import java.lang.foreign.MemorySegment;

/** One end of a two-way message channel between the two processes; messages have a fixed size. */
interface Channel extends AutoCloseable {
    /** Sends {@code message} whole, blocking (or spinning) while there is no room. */
    void send(MemorySegment message);

    /** Fills {@code message} with the next message whole, blocking (or spinning) until it has arrived. */
    void receive(MemorySegment message);

    /**
     * Called from another thread when the run is abandoned: makes a blocked or spinning
     * {@link #send}/{@link #receive} return by throwing. (A dead peer already ends blocking reads of
     * descriptors with end-of-file.)
     */
    void abort();

    @Override
    void close();
}
