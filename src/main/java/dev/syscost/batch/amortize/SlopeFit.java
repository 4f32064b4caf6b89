package dev.syscost.batch.amortize;

import java.util.List;

/**
 * The least-squares line {@code nsPerCall = interceptNs + slopeNsPerByte × chunkBytes} (weighted by
 * 1/nsPerCall², i.e. on relative residuals; {@code r2} is the weighted R²) through the large-chunk
 * points, where the per-byte work dominates: its slope is the cost of moving one byte,
 * and what a call costs beyond {@code slope × size} is per-call overhead.
 */
public record SlopeFit(double slopeNsPerByte, double interceptNs, List<Long> fitChunkBytes, double r2,
        double slopeStdErrNsPerByte, boolean perByteCostSignificant) {
    /** Two-sided 97.5% Student t quantiles for 1..10 degrees of freedom (index = dof); 2.0 beyond. */
    private static final double[] T975 = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
        2.262, 2.228};

    /** Chunks at least this large are fitted (or the largest four swept sizes, if fewer are). */
    static final long LARGE_CHUNK_BYTES = 64 * 1024;

    /** Fits the points at or above {@link #LARGE_CHUNK_BYTES}; null with fewer than two sizes. */
    static SlopeFit of(List<ChunkPoint> points) {
        List<ChunkPoint> large = points.stream().filter(p -> p.chunkBytes() >= LARGE_CHUNK_BYTES).toList();
        if (large.size() < 4) { // too few residuals to judge the slope by: widen to the largest four
            large = points.subList(Math.max(0, points.size() - 4), points.size());
        }
        if (large.size() < 2) {
            return null;
        }
        int n = large.size();
        // Weighted by 1/t²: a trial's noise grows with its time, so plain least squares would let the
        // largest chunk's jitter alone set the line; relative residuals weigh every size alike.
        double sw = 0, sx = 0, sy = 0;
        for (ChunkPoint p : large) {
            double w = 1 / (p.nsPerCall() * p.nsPerCall());
            sw += w;
            sx += w * p.chunkBytes();
            sy += w * p.nsPerCall();
        }
        double mx = sx / sw, my = sy / sw, sxx = 0, sxy = 0, syy = 0;
        for (ChunkPoint p : large) {
            double w = 1 / (p.nsPerCall() * p.nsPerCall());
            double dx = p.chunkBytes() - mx, dy = p.nsPerCall() - my;
            sxx += w * dx * dx;
            sxy += w * dx * dy;
            syy += w * dy * dy;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double r2 = sxx == 0 || syy == 0 ? 0 : (sxy * sxy) / (sxx * syy);
        int dof = n - 2;
        double stdErr = dof == 0 || sxx == 0 ? Double.NaN : Math.sqrt(Math.max(0, syy - slope * sxy) / dof / sxx);
        // With two points there is no residual to judge by: a positive slope is taken as it is.
        boolean significant = slope > 0 && (dof == 0 || slope > t975(dof) * stdErr);
        return new SlopeFit(slope, my - slope * mx, large.stream().map(ChunkPoint::chunkBytes).toList(), r2,
                stdErr, significant);
    }

    private static double t975(int dof) {
        return dof < T975.length ? T975[dof] : 2.0;
    }

    /** The share of a call's {@code nsPerCall} that is not per-byte work, in [0, 1]. */
    Double overheadShare(long chunkBytes, double nsPerCall) {
        if (nsPerCall <= 0) {
            return null;
        }
        double perByte = hasPerByteCost() ? slopeNsPerByte * chunkBytes : 0;
        return Math.clamp(1 - perByte / nsPerCall, 0.0, 1.0);
    }

    /**
     * Whether the fit found a per-byte cost at all: a slope whose 95% confidence interval excludes zero
     * (not so for /dev/null, which moves nothing, whatever noise tilts the line).
     */
    boolean hasPerByteCost() {
        return perByteCostSignificant;
    }
}
