package dev.syscost.batch.ipc;

import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The parent's side of the schedule: warm-up, timed round-trip trials, warm-up, timed one-way trials,
 * then one counted phase of each. Nothing in the loops allocates or logs; every message is checked.
 */
final class PhaseRunner {
    private static final long MAX_RECORDABLE_NS = 10_000_000_000L;
    private static final long COUNTED_MESSAGES = 2_000;
    private static final long COUNTED_MIN_BUDGET_NS = 20_000_000L;
    /** Counted phases run at least this many messages, so a few stray entries (safepoints) stay near 0.01 each. */
    private static final long COUNTED_MIN_MESSAGES = 200;
    /**
     * Every warm-up, quick or not, runs the default trial's length (≤ 20,000 messages or 250 ms): --quick
     * shortens the timed trials, not the warm-up. With the warm-up cut to a quick trial (2,000 messages)
     * both JVMs' loops were still being compiled when timing began, and the quick pipe p50 read ~20 µs
     * against the default's 11.6 µs.
     */
    static final long WARMUP_MESSAGES = 20_000;
    static final long WARMUP_NS = 250_000_000L;
    private final Channel ch;
    private final MessagePattern pattern;
    private final MemorySegment in;

    PhaseRunner(Channel ch, MessagePattern pattern, MemorySegment in) {
        this.ch = ch;
        this.pattern = pattern;
        this.in = in;
    }

    /** What the schedule measured: all timed round trips, per-trial p50s and rates, the counted phases. */
    record Measured(Histogram latency, double[] p50sNs, long roundTrips, double[] msgsPerSec, long oneWayMessages,
            Counted countedRoundTrips, Counted countedOneWay) {}

    /** Messages and this thread's kernel entries in one counted phase; entries -1 when not counted. */
    record Counted(long messages, long entries, String note) {}

    /** The schedule {@code "r" + "r"×trials + "t" + "t"×trials + "RT"}: warm-ups, timed trials, counted phases. */
    static String schedule(IpcConfig config) {
        return "r" + "r".repeat(config.trials()) + "t" + "t".repeat(config.trials()) + "RT";
    }

    /** Runs {@link #schedule} with the peer, trials of at most {@code budgetNs}, reporting each step to {@code status}. */
    Measured runAll(IpcConfig config, long budgetNs, Consumer<String> status) {
        long max = config.messagesPerTrial();
        int trials = config.trials();
        status.accept("warm-up");
        roundTrips(new Histogram(MAX_RECORDABLE_NS, 3), 0, Math.max(max, WARMUP_MESSAGES), Math.max(budgetNs, WARMUP_NS),
                EntryMeter.OFF);
        Histogram all = new Histogram(MAX_RECORDABLE_NS, 3);
        double[] p50s = new double[trials];
        long roundTrips = 0;
        for (int i = 0; i < trials; i++) {
            status.accept("round trips, trial " + (i + 1) + "/" + trials);
            Histogram h = new Histogram(MAX_RECORDABLE_NS, 3);
            roundTrips += roundTrips(h, 0, max, budgetNs, EntryMeter.OFF);
            p50s[i] = h.getValueAtPercentile(50);
            all.add(h);
        }
        oneWay(0, Math.max(max, WARMUP_MESSAGES), Math.max(budgetNs, WARMUP_NS), EntryMeter.OFF);
        double[] rates = new double[trials];
        long oneWay = 0;
        for (int i = 0; i < trials; i++) {
            status.accept("one-way throughput, trial " + (i + 1) + "/" + trials);
            long[] r = oneWay(0, max, budgetNs, EntryMeter.OFF);
            oneWay += r[0];
            rates[i] = r[0] * 1e9 / r[1];
        }
        status.accept("counting kernel entries");
        long counted = Math.min(max, COUNTED_MESSAGES);
        long countedBudgetNs = Math.max(budgetNs, COUNTED_MIN_BUDGET_NS);
        Histogram discarded = new Histogram(MAX_RECORDABLE_NS, 3); // allocated outside the counted phase
        Counted rt;
        Counted ow;
        try (EntryMeter m = EntryMeter.open()) {
            rt = new Counted(roundTrips(discarded, COUNTED_MIN_MESSAGES, counted, countedBudgetNs, m), m.entries(),
                    m.note());
            ow = new Counted(oneWay(COUNTED_MIN_MESSAGES, counted, countedBudgetNs, m)[0], m.entries(), m.note());
        }
        return new Measured(all, p50s, roundTrips, rates, oneWay, rt, ow);
    }

    /**
     * After the SYNC round trip, up to {@code max} round trips or until {@code budgetNs} has passed (but
     * at least {@code min}), each recorded in {@code h}; then a STOP round trip (outside {@code meter}).
     * Returns the number of timed round trips. The echo is checked after the clock stops, so checking
     * is not part of the latency.
     */
    long roundTrips(Histogram h, long min, long max, long budgetNs, EntryMeter meter) {
        sync();
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
            if (t1 > end && seq >= min) {
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
     * After the SYNC round trip, up to {@code max} messages one way or until {@code budgetNs} has passed
     * (but at least {@code min}), then STOP; the peer's acknowledgement carries how many it received and
     * checked. Returns {messages, elapsed ns}.
     */
    long[] oneWay(long min, long max, long budgetNs, EntryMeter meter) {
        sync();
        meter.start();
        long t0 = System.nanoTime();
        long end = t0 + budgetNs;
        long seq = 0;
        while (seq < max) {
            ch.send(pattern.message(seq));
            seq++;
            if ((seq & 63) == 0 && seq >= min && System.nanoTime() > end) {
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

    /** The SYNC round trip that opens a phase: the peer is in the phase (its counter open) when it returns. */
    private void sync() {
        ch.send(pattern.message(MessagePattern.SYNC));
        ch.receive(in);
        check(MessagePattern.SYNC);
    }

    private void check(long seq) {
        if (!pattern.matches(in, seq)) {
            throw new MessageCheckException("a message came back wrong: " + pattern.describeMismatch(in, seq));
        }
    }
}
