package dev.syscost.indirect;

import java.util.Arrays;

/**
 * Calibrates the spin control: measures a disturber's direct cost (back to back, warm) and finds the
 * number of spin iterations whose measured length, in the same tight loop, matches it.
 */
final class Calibration {
    /** The spin may differ from the direct cost by this fraction before calibration tries again. */
    static final double TOLERANCE = 0.05;
    private static final int SAMPLES = 7;
    private static final double SAMPLE_NS = 300_000;

    private final Schedule schedule;

    Calibration(Schedule schedule) {
        this.schedule = schedule;
    }

    /** Median ns per call of {@code mode} alone, over several short samples. */
    double directNs(int mode, int spinIterations) {
        double first = schedule.direct(mode, 64, spinIterations) / 64.0;
        int calls = callsFor(first);
        double[] ns = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            ns[i] = schedule.direct(mode, calls, spinIterations) / (double) calls;
        }
        Arrays.sort(ns);
        return ns[SAMPLES / 2];
    }

    /** Calls per direct-cost sample, so that one sample lasts about 0.3 ms. */
    static int callsFor(double nsPerCall) {
        return (int) Math.max(32, Math.min(1_000_000, SAMPLE_NS / Math.max(nsPerCall, 1)));
    }

    /**
     * Spin iterations whose measured length is within {@link #TOLERANCE} of {@code targetNs}: a proportional
     * correction, repeated a few times because the loop's fixed overhead makes the relation affine.
     */
    int spinIterationsFor(double targetNs) {
        double perIteration = directNs(Schedule.MODE_SPIN, 4096) / 4096;
        int iterations = (int) Math.max(1, Math.round(targetNs / perIteration));
        for (int attempt = 0; attempt < 6; attempt++) {
            double measured = directNs(Schedule.MODE_SPIN, iterations);
            if (Math.abs(measured / targetNs - 1) <= TOLERANCE) {
                break;
            }
            iterations = (int) Math.max(1, Math.round(iterations * targetNs / measured));
        }
        return iterations;
    }
}
