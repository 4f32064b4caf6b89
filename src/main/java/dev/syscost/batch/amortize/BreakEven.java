package dev.syscost.batch.amortize;

import java.util.List;
import java.util.Locale;

/**
 * The chunk size from which per-call overhead is at most 50% and at most 5% of a call's time:
 * measured (the smallest swept size that, with the next one, is under the line) and, beside it,
 * where the fitted line alone puts it ({@code interceptNs / slope} scaled; null when the fit gives none).
 */
public record BreakEven(Long overheadLe50Bytes, Long overheadLe5Bytes, Double fitLe50Bytes, Double fitLe5Bytes,
        String note) {

    static BreakEven of(List<ChunkPoint> points, SlopeFit fit) {
        if (fit == null) {
            return new BreakEven(null, null, null, null, "needs at least two chunk sizes to fit a per-byte slope");
        }
        if (!fit.hasPerByteCost()) {
            return new BreakEven(null, null, null, null,
                    "no per-byte cost distinguishable from noise (slope's 95% interval includes 0): every call is"
                    + " overhead, so no chunk size amortises it");
        }
        Long le50 = firstOfTwoAtOrBelow(points, 0.50);
        Long le5 = firstOfTwoAtOrBelow(points, 0.05);
        Double fit50 = fit.interceptNs() > 0 ? fit.interceptNs() / fit.slopeNsPerByte() : null;
        Double fit5 = fit.interceptNs() > 0 ? 19 * fit.interceptNs() / fit.slopeNsPerByte() : null;
        long largest = points.getLast().chunkBytes();
        List<String> notes = new java.util.ArrayList<>();
        if (le5 == null) {
            notes.add(String.format(Locale.ROOT, "overhead not below %s at two sizes in a row up to %d B",
                    le50 == null ? "50%" : "5%", largest));
        }
        if (fit.interceptNs() <= 0) {
            notes.add("the large-chunk line has no positive intercept (big chunks cost more per byte, e.g. past a"
                    + " buffer limit), so the fit gives no break-even");
        }
        String note = String.join("; ", notes);
        return new BreakEven(le50, le5, fit50, fit5, note);
    }

    /**
     * The first swept size whose share, and the next size's (if any), is at or below {@code share}:
     * two in a row, so neither one noisy dip early nor one noisy point at the largest size decides.
     */
    private static Long firstOfTwoAtOrBelow(List<ChunkPoint> points, double share) {
        for (int i = 0; i < points.size(); i++) {
            boolean here = atOrBelow(points.get(i), share);
            boolean next = i + 1 == points.size() || atOrBelow(points.get(i + 1), share);
            if (here && next) {
                return points.get(i).chunkBytes();
            }
        }
        return null;
    }

    private static boolean atOrBelow(ChunkPoint p, double share) {
        return p.overheadShare() != null && p.overheadShare() <= share;
    }
}
