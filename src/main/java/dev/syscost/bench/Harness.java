package dev.syscost.bench;

import dev.syscost.sys.NativeException;
import dev.syscost.sys.SyscallCounter;

/**
 * Times probes honestly: calibrates a trial to a target length, warms up until per-call times settle,
 * runs several trials consuming every result, then (where perf events are permitted) counts the kernel
 * entries of a separate batch to verify each probe's claim. The counter is closed while timing: an
 * enabled tracepoint counter slows every syscall it counts.
 */
public final class Harness {
    private static final int VERIFY_CALLS = 20_000;
    private static final double STABLE_WITHIN = 0.05;

    /** Where the harness reports what it is doing: a terminal line, or a parent process reading a fork. */
    @FunctionalInterface
    public interface Steps {
        Steps SILENT = (index, total, label, detail) -> { };

        void step(int index, int total, String label, String detail);
    }

    private final MeasureConfig config;
    private final Steps progress;

    public Harness(MeasureConfig config, Steps progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Measures one probe; a probe that cannot set up is returned as unavailable with the reason. */
    public ProbeResult measure(Probe probe, int index, int total, EntryCounting counting) {
        try {
            probe.setUp();
            progress.step(index, total, probe.id(), "calibrating");
            long calls = calibrate(probe);
            Warmup warm = warmUp(probe, calls, index, total);
            // The first calibration ran partly in the interpreter; size trials from the warmed-up speed.
            calls = callsFor(warm.lastPerCallNs());
            boolean stable = warm.stable();
            double[] perCall = new double[config.trials()];
            for (int t = 0; t < perCall.length; t++) {
                progress.step(index, total, probe.id(), "trial " + (t + 1) + "/" + perCall.length);
                perCall[t] = timePerCall(probe, calls);
            }
            Double entries = counting.enabled() ? countEntries(probe, counting) : null;
            if (entries != null && entries.isNaN()) {
                entries = null;
            }
            return ProbeResult.measured(probe, Stats.summarize(perCall), perCall, calls, stable, entries);
        } catch (NativeException | UnsupportedOperationException e) {
            return ProbeResult.unavailable(probe, e.getMessage());
        } finally {
            probe.tearDown();
        }
    }

    /** Finds how many calls fill one trial of {@code trialTargetNs}, doubling from 256 calls. */
    private long calibrate(Probe probe) {
        long calls = 256;
        long elapsed;
        while (true) {
            long t0 = System.nanoTime();
            Sink.consume(probe.run((int) calls));
            elapsed = System.nanoTime() - t0;
            if (elapsed >= config.trialTargetNs() / 8 || calls >= (1 << 28)) {
                break;
            }
            calls *= 2;
        }
        long target = (long) ((double) calls * config.trialTargetNs() / Math.max(1, elapsed));
        return Math.max(16, Math.min(Integer.MAX_VALUE, target));
    }

    /**
     * Runs quarter-trials for at least half of the warm-up budget (so the JIT's C2 tier, not the
     * interpreter or C1, is what gets timed: those can look "stable" too) and then until the last three
     * per-call times agree within 5%, or the budget is spent; returns whether it settled.
     */
    private record Warmup(boolean stable, double lastPerCallNs) {}

    private long callsFor(double perCallNs) {
        long calls = (long) (config.trialTargetNs() / Math.max(0.01, perCallNs));
        return Math.max(16, Math.min(Integer.MAX_VALUE, calls));
    }

    private Warmup warmUp(Probe probe, long calls, int index, int total) {
        long quarter = Math.max(16, calls / 4);
        double[] last = new double[3];
        int n = 0;
        long start = System.nanoTime();
        long minimum = start + config.warmupMaxNs() / 2;
        long deadline = start + config.warmupMaxNs();
        while (System.nanoTime() < deadline) {
            progress.step(index, total, probe.id(), "warming up");
            last[n % 3] = timePerCall(probe, quarter);
            n++;
            if (n >= 3 && System.nanoTime() >= minimum && spreadOf(last) <= STABLE_WITHIN) {
                return new Warmup(true, last[(n - 1) % 3]);
            }
        }
        if (n == 0) {
            last[0] = timePerCall(probe, quarter);
            n = 1;
        }
        return new Warmup(n >= 3 && spreadOf(last) <= STABLE_WITHIN, last[(n - 1) % 3]);
    }

    private static double spreadOf(double[] v) {
        double min = Math.min(v[0], Math.min(v[1], v[2]));
        double max = Math.max(v[0], Math.max(v[1], v[2]));
        return min <= 0 ? 1 : (max - min) / min;
    }

    private static double timePerCall(Probe probe, long calls) {
        long t0 = System.nanoTime();
        long r = probe.run((int) calls);
        long t1 = System.nanoTime();
        Sink.consume(r);
        return (double) (t1 - t0) / calls;
    }

    /**
     * Kernel entries per call over a separate batch. Two back-to-back counter reads differ by one (the
     * second read's own entry), so that is subtracted.
     */
    private static double countEntries(Probe probe, EntryCounting counting) {
        try (SyscallCounter counter = SyscallCounter.forCurrentThread()) {
            Sink.consume(probe.run(1000));
            long before = counter.read();
            long r = probe.run(VERIFY_CALLS);
            long after = counter.read();
            Sink.consume(r);
            return Math.round((after - before - 1) * 1000.0 / VERIFY_CALLS) / 1000.0;
        } catch (NativeException e) {
            counting.refuse(e.getMessage());
            return Double.NaN;
        }
    }

    /** Whether kernel entries can be counted here, and why not once refused. */
    public static final class EntryCounting {
        private boolean enabled;
        private String reason;

        EntryCounting(boolean wanted) {
            this.enabled = wanted;
            this.reason = wanted ? null : "not requested";
        }

        boolean enabled() {
            return enabled;
        }

        void refuse(String why) {
            enabled = false;
            reason = why;
        }

        /** Null while counting works; otherwise why entries were not counted. */
        public String reason() {
            return reason;
        }
    }
}
