package dev.syscost.serve;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One line per fault class at most once a period (a minute for serve), with how many were folded into it:
 * a daemon's clients can misbehave thousands of times a second, and its log must stay readable.
 */
public final class FaultLog {
    private final Consumer<String> sink;
    private final long periodNs;
    private final LongSupplier nanoClock;
    private final Map<String, long[]> lastAndFolded = new HashMap<>();

    public FaultLog(Consumer<String> sink, long periodNs, LongSupplier nanoClock) {
        this.sink = sink;
        this.periodNs = periodNs;
        this.nanoClock = nanoClock;
    }

    /** Records one fault of {@code faultClass} (a fixed phrase); logs it unless that class was logged within the period. */
    public void fault(String faultClass) {
        String line;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            long[] state = lastAndFolded.get(faultClass);
            if (state != null && now - state[0] < periodNs) {
                state[1]++;
                return;
            }
            long folded = state == null ? 0 : state[1];
            lastAndFolded.put(faultClass, new long[] {now, 0});
            line = folded == 0 ? faultClass : faultClass + " (and " + folded + " more since the last such line)";
        }
        sink.accept(line);
    }
}
