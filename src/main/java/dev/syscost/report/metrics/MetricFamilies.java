package dev.syscost.report.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects metric families (gauges, counters, info) that each result kind's {@code <Kind>Metrics} adds from
 * its record, and builds Prometheus client snapshots from them, for {@code --format openmetrics} and the
 * {@code serve} daemon's scrapes. Families keep the order they were first added.
 */
public final class MetricFamilies {
    private enum Kind { GAUGE, COUNTER, INFO }

    private record Sample(Labels labels, double value) {}

    private record Family(Kind kind, String help, List<Sample> samples) {}

    private final Map<String, Family> families = new LinkedHashMap<>();

    /** Adds a gauge sample; labels as name, value pairs. NaN and infinite values are skipped. */
    public MetricFamilies gauge(String name, String help, double value, String... labels) {
        return sample(Kind.GAUGE, name, help, value, labels);
    }

    /** Adds a counter sample (exposed as {@code name_total}); {@code name} has no {@code _total}. */
    public MetricFamilies counter(String name, String help, double value, String... labels) {
        return sample(Kind.COUNTER, name, help, value, labels);
    }

    /** Adds an info sample (exposed as {@code name_info} with value 1). */
    public MetricFamilies info(String name, String help, String... labels) {
        return sample(Kind.INFO, name, help, 1, labels);
    }

    private MetricFamilies sample(Kind kind, String name, String help, double value, String[] labels) {
        if (!Double.isFinite(value)) {
            return this;
        }
        Family f = families.computeIfAbsent(name, n -> new Family(kind, help, new ArrayList<>()));
        if (f.kind() != kind) {
            throw new IllegalArgumentException("metric " + name + " added as both " + f.kind() + " and " + kind);
        }
        Labels l = Labels.of(labels);
        f.samples().removeIf(s -> s.labels().equals(l));
        f.samples().add(new Sample(l, value));
        return this;
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return families.isEmpty();
    }

    /** The families as Prometheus snapshots. */
    public MetricSnapshots snapshots() {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        families.forEach((name, f) -> {
            switch (f.kind()) {
                case GAUGE -> {
                    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(f.help());
                    f.samples().forEach(s -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                            .labels(s.labels()).value(s.value()).build()));
                    out.metricSnapshot(b.build());
                }
                case COUNTER -> {
                    CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(f.help());
                    f.samples().forEach(s -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                            .labels(s.labels()).value(s.value()).build()));
                    out.metricSnapshot(b.build());
                }
                case INFO -> {
                    InfoSnapshot.Builder b = InfoSnapshot.builder().name(name).help(f.help());
                    f.samples().forEach(s -> b.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                            .labels(s.labels()).build()));
                    out.metricSnapshot(b.build());
                }
                default -> throw new IllegalStateException(f.kind().toString());
            }
        });
        return out.build();
    }
}
