package dev.syscost.batch.amortize;

/** One timed operation repeated: what a trial runs {@code reps} times. */
interface Workload {
    /** Untimed set-up before each trial (rewind, wait for the reader). */
    default void beforeTrial() {}

    /**
     * Runs the operation {@code reps} times and returns the units it moved (bytes or operations), so
     * the JIT cannot drop the loop; a negative value means a call failed.
     */
    long run(long reps);

    /** The most repetitions one trial may run. */
    default long maxReps() {
        return 1L << 40;
    }
}
