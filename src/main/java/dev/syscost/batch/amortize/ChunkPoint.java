package dev.syscost.batch.amortize;

/**
 * One chunk size on one target: write(2) of {@code chunkBytes} per call, medians across trials.
 * {@code overheadShare} is the part of a call's time not explained by the fitted per-byte slope.
 */
public record ChunkPoint(long chunkBytes, long callsPerTrial, int trials, double nsPerCall, double nsPerCallP10,
        double nsPerCallP90, double nsPerByte, double gbPerSec, double callsPerMiB, Double kernelEntriesPerCall,
        Double syscallsPerMiB, Double overheadShare) {

    /** The same point with its overhead share from {@code fit} (null without a fit). */
    ChunkPoint withOverhead(SlopeFit fit) {
        Double share = fit == null ? null : fit.overheadShare(chunkBytes, nsPerCall);
        return new ChunkPoint(chunkBytes, callsPerTrial, trials, nsPerCall, nsPerCallP10, nsPerCallP90, nsPerByte,
                gbPerSec, callsPerMiB, kernelEntriesPerCall, syscallsPerMiB, share);
    }
}
