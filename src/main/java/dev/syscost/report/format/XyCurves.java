package dev.syscost.report.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named (x, y) curves gathered point by point from a record: the curves come out in the order their first
 * point was added, points with the same curve name join one curve, and each curve is sorted by x (stable,
 * so equal x keep their order). What the rooms' line charts are built from.
 */
public final class XyCurves {
    private final Map<String, List<double[]>> byName = new LinkedHashMap<>();

    /** Adds the point (x, y) to the curve {@code name}. */
    public XyCurves add(String name, double x, double y) {
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {x, y});
        return this;
    }

    /** Whether no point was added. */
    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The curves, each sorted by x. */
    public List<ChartOptions.XySeries> series() {
        List<ChartOptions.XySeries> out = new ArrayList<>();
        byName.forEach((name, points) -> {
            List<double[]> sorted = new ArrayList<>(points);
            sorted.sort((a, b) -> Double.compare(a[0], b[0]));
            out.add(new ChartOptions.XySeries(name, sorted));
        });
        return out;
    }
}
