package dev.syscost.serve;

import dev.syscost.bench.MeasureResult;
import dev.syscost.report.measure.MeasureMetrics;
import dev.syscost.report.metrics.MetricFamilies;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code syscost serve} exposes on /metrics, built afresh on every scrape: the latest measurement's
 * figures, the watched processes' syscall counts, and the server's own duty cycle, so anyone scraping it
 * can check that it keeps to its budget.
 */
public final class ServeCollector implements MultiCollector {
    private final Map<Integer, ProcessWatch> watches = new LinkedHashMap<>();
    private final Map<Integer, String> comms = new LinkedHashMap<>();
    private final java.util.List<java.util.function.Consumer<MetricFamilies>> sources = new java.util.ArrayList<>();
    private volatile MeasureResult latest;
    private volatile long runs;
    private volatile long failures;
    private volatile double lastDurationSeconds = Double.NaN;
    private volatile double dutyCycle = Double.NaN;
    private volatile double intervalSeconds = Double.NaN;
    private volatile double nextDelaySeconds = Double.NaN;

    /** Starts counting {@code pid}'s syscalls. */
    public synchronized void watch(int pid, ProcessWatch watch) {
        watches.put(pid, watch);
        comms.put(pid, comm(pid));
    }

    /** Adds more families to every scrape (serve --node's {@link NodeCollector#addTo}). */
    public synchronized void add(java.util.function.Consumer<MetricFamilies> source) {
        sources.add(source);
    }

    private static String comm(int pid) {
        try {
            return dev.syscost.sys.ProcFiles.read(java.nio.file.Path.of("/proc", Integer.toString(pid), "comm")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Records a finished measurement and the schedule that follows it. */
    public void measured(MeasureResult result, double durationSeconds, double interval, double nextDelay) {
        latest = result;
        runs++;
        schedule(durationSeconds, interval, nextDelay);
    }

    /** Records a failed measurement; the last good figures stay exposed. */
    public void failed(double durationSeconds, double interval, double nextDelay) {
        failures++;
        schedule(durationSeconds, interval, nextDelay);
    }

    private void schedule(double durationSeconds, double interval, double nextDelay) {
        lastDurationSeconds = durationSeconds;
        intervalSeconds = interval;
        nextDelaySeconds = nextDelay;
        dutyCycle = durationSeconds / (durationSeconds + nextDelay);
    }

    @Override
    public synchronized MetricSnapshots collect() {
        MetricFamilies m = new MetricFamilies();
        MeasureResult result = latest;
        if (result != null) {
            MeasureMetrics.addTo(m, result);
        }
        watches.forEach((pid, w) -> {
            boolean alive = w.alive();
            m.gauge("syscost_process_up", "Whether the watched process still runs (1) or has exited (0).", alive ? 1 : 0,
                    "pid", pid.toString());
            if (alive) {
                w.counts().forEach((syscall, count) -> m.counter("syscost_process_syscalls", NodeCollector.PROCESS_HELP,
                        count, "pid", pid.toString(), "comm", comms.get(pid), "syscall", syscall));
            }
            m.info("syscost_process_watch", "How syscost counts a watched process's syscalls.", "pid", pid.toString(),
                    "source", w.source());
        });
        sources.forEach(source -> source.accept(m));
        m.counter("syscost_serve_measure_runs", "Measurements completed since syscost serve started.", runs);
        m.counter("syscost_serve_measure_failures", "Measurements that failed since syscost serve started.", failures);
        m.gauge("syscost_serve_last_measure_duration_seconds", "Wall time of the last measurement, in seconds.", lastDurationSeconds);
        m.gauge("syscost_serve_duty_cycle_ratio", "Share of wall time spent measuring (last run / its period); kept <= 0.01.", dutyCycle);
        m.gauge("syscost_serve_interval_seconds", "The requested time between measurements (--interval), in seconds.", intervalSeconds);
        m.gauge("syscost_serve_next_measure_delay_seconds", "Pause after the last measurement before the next one, in seconds.", nextDelaySeconds);
        return m.snapshots();
    }

    /** Closes every process watch. */
    public synchronized void close() {
        watches.values().forEach(ProcessWatch::close);
        watches.clear();
    }
}
