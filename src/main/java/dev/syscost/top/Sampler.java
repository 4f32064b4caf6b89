package dev.syscost.top;

/** Where {@code syscost top}'s snapshots come from: the in-kernel counter, or /proc where bpf is refused. */
public interface Sampler extends AutoCloseable {
    /** The snapshot of the time since the previous call (the first call only sets the baseline). */
    TopSnapshot sample();

    /** When the latest sample (or the baseline) read its counts, on {@link System#nanoTime()}'s clock. */
    long sampledAtNanos();

    @Override
    void close();
}
