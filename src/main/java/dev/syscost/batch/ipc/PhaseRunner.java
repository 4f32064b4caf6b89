package dev.syscost.batch.ipc;

import java.lang.foreign.MemorySegment;
import org.HdrHistogram.Histogram;

/** The parent's timed loops. Nothing in them allocates or logs; every received message is checked. */
final class PhaseRunner {
    private static final long MAX_RECORDABLE_NS = 10_000_000_000L;
    private final Channel ch;
    private final MessagePattern pattern;
    private final MemorySegment in;

    PhaseRunner(Channel ch, MessagePattern pattern, MemorySegment in) {
        this.ch = ch;
        this.pattern = pattern;
        this.in = in;
    }

    /**
     * Up to {@code max} round trips or until {@code budgetNs} has passed, each recorded in {@code h};
     * then a STOP round trip (outside {@code meter}). Returns the number of timed round trips. The echo is checked after the
     * clock stops, so checking is not part of the latency.
     */
    long roundTrips(Histogram h, long max, long budgetNs, EntryMeter meter) {
        meter.start();
        long end = System.nanoTime() + budgetNs;
        long seq = 0;
        while (seq < max) {
            MemorySegment out = pattern.message(seq);
            long t0 = System.nanoTime();
            ch.send(out);
            ch.receive(in);
            long t1 = System.nanoTime();
            h.recordValue(Math.min(t1 - t0, MAX_RECORDABLE_NS));
            check(seq);
            seq++;
            if (t1 > end) {
                break;
            }
        }
        meter.stop();
        ch.send(pattern.message(MessagePattern.STOP));
        ch.receive(in);
        check(MessagePattern.STOP);
        return seq;
    }

    /**
     * Up to {@code max} messages one way or until {@code budgetNs} has passed, then STOP; the peer's
     * acknowledgement carries how many it received and checked. Returns {messages, elapsed ns}.
     */
    long[] oneWay(long max, long budgetNs, EntryMeter meter) {
        meter.start();
        long t0 = System.nanoTime();
        long end = t0 + budgetNs;
        long seq = 0;
        while (seq < max) {
            ch.send(pattern.message(seq));
            seq++;
            if ((seq & 63) == 0 && System.nanoTime() > end) {
                break;
            }
        }
        meter.stop();
        ch.send(pattern.message(MessagePattern.STOP));
        ch.receive(in);
        long t1 = System.nanoTime();
        check(seq);
        return new long[] {seq, t1 - t0};
    }

    private void check(long seq) {
        if (!pattern.matches(in, seq)) {
            throw new MessageCheckException("a message came back wrong: " + pattern.describeMismatch(in, seq));
        }
    }
}
