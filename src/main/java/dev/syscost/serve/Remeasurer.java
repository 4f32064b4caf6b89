package dev.syscost.serve;

import dev.syscost.bench.MeasureResult;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Re-measures in the background at a low duty cycle: after a run of d seconds it pauses
 * max(interval − d, d × (1/maxDuty − 1)), so runs start at most once per interval and measuring never
 * takes more than {@code maxDuty} of wall time (the measurement is single-threaded and busy, so that
 * is also its share of one CPU).
 */
public final class Remeasurer implements AutoCloseable {
    /** The duty-cycle budget of syscost serve: 1% of wall time. */
    public static final double MAX_DUTY = 0.01;

    private final Supplier<MeasureResult> measure;
    private final Duration interval;
    private final ServeCollector sink;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "syscost-remeasure");
        t.setDaemon(true);
        return t;
    });

    /** A re-measurer that feeds {@code sink} with {@code measure}'s results every {@code interval} at most. */
    public Remeasurer(Supplier<MeasureResult> measure, Duration interval, ServeCollector sink) {
        this.measure = measure;
        this.interval = interval;
        this.sink = sink;
    }

    /** The pause after a run of {@code runSeconds} that keeps both the interval and the duty cycle. */
    public static double pauseSeconds(double runSeconds, double intervalSeconds) {
        return Math.max(intervalSeconds - runSeconds, runSeconds * (1 / MAX_DUTY - 1));
    }

    /** Starts measuring now, then on schedule. */
    public void start() {
        executor.execute(this::runOnce);
    }

    private void runOnce() {
        long start = System.nanoTime();
        MeasureResult result = null;
        try {
            result = measure.get();
        } catch (RuntimeException e) {
            // A failed run is counted and exposed (syscost_serve_measure_failures); serving goes on.
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double intervalSeconds = interval.toNanos() / 1e9;
        double pause = pauseSeconds(seconds, intervalSeconds);
        if (result != null) {
            sink.measured(result, seconds, intervalSeconds, pause);
        } else {
            sink.failed(seconds, intervalSeconds, pause);
        }
        if (!executor.isShutdown()) {
            executor.schedule(this::runOnce, (long) (pause * 1e9), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
