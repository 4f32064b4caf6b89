package dev.syscost.indirect;

import dev.syscost.indirect.PmuReport.PmuPerUnit;
import dev.syscost.sys.NativeException;
import dev.syscost.sys.PerfEvents;
import dev.syscost.sys.PmuCounters;

/** The PMU mode for one measurement: counters around timed runs where they open, a reason where not. */
final class PmuSession implements AutoCloseable {
    private final PmuCounters counters;
    private final String reason;
    private PmuCounters.Reading before;

    private PmuSession(PmuCounters counters, String reason) {
        this.counters = counters;
        this.reason = reason;
    }

    /** Opens the user-only counter group on the calling thread, or records why it cannot. */
    static PmuSession open() {
        try {
            return new PmuSession(PmuCounters.openUserOnly(), null);
        } catch (NativeException e) {
            String hint = PerfEvents.forcedOff() ? e.hint() : PerfEvents.hintFor(e.errno());
            return new PmuSession(null, "hardware counters do not open here: perf_event_open(PERF_COUNT_HW_CPU_CYCLES) failed with "
                    + e.errnoName() + (hint.isEmpty() ? "" : "; " + hint));
        }
    }

    boolean available() {
        return counters != null;
    }

    String reason() {
        return reason;
    }

    PmuCounters counters() {
        return counters;
    }

    /** Starts counting (a no-op when unavailable); call right before a timed run. */
    void begin() {
        if (counters != null) {
            counters.start();
            before = counters.read();
        }
    }

    /** Stops counting and returns counts per unit, or null when unavailable. */
    PmuPerUnit end(long units) {
        if (counters == null) {
            return null;
        }
        PmuCounters.Reading after = counters.read();
        counters.stop();
        return PmuDelta.perUnit(counters.events(), before, after, units);
    }

    @Override
    public void close() {
        if (counters != null) {
            counters.close();
        }
    }
}
