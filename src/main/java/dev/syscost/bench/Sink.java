package dev.syscost.bench;

/**
 * Consumes probe results so the JIT cannot prove them dead (JMH's Blackhole idea, for a harness that
 * times whole loops: one volatile write per trial, never inside the timed loop).
 */
final class Sink {
    private static volatile long sink;

    private Sink() {}

    static void consume(long v) {
        sink += v;
    }
}
