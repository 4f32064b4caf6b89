package dev.syscost.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the harness found for one probe: per-call nanoseconds summarised over trials (each trial's
 * per-call mean is one sample), and whether the probe's kernel-entry claim was verified.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProbeResult(
        String id,
        String description,
        boolean available,
        String unavailableReason,
        int kernelEntriesPerCall,
        Double kernelEntriesMeasured,
        Boolean kernelEntriesVerified,
        double medianNs,
        double p10Ns,
        double p90Ns,
        double[] ci95Ns,
        double ciCoverage,
        double minNs,
        double maxNs,
        double relativeSpread,
        int trials,
        long callsPerTrial,
        boolean warmupStable,
        List<Double> trialNs) {

    /** A probe that could not run here, with the reason. */
    public static ProbeResult unavailable(Probe probe, String reason) {
        return new ProbeResult(probe.id(), probe.description(), false, reason, probe.kernelEntriesPerCall(),
                null, null, Double.NaN, Double.NaN, Double.NaN, new double[] {Double.NaN, Double.NaN}, 0,
                Double.NaN, Double.NaN, Double.NaN, 0, 0, false, List.of());
    }

    /** A measured probe. */
    static ProbeResult measured(Probe probe, Stats.Summary s, double[] perCallNs, long callsPerTrial,
            boolean warmupStable, Double entriesMeasured) {
        Boolean verified = entriesMeasured == null ? null
                : Math.abs(entriesMeasured - probe.kernelEntriesPerCall()) <= 0.05;
        return new ProbeResult(probe.id(), probe.description(), true, null, probe.kernelEntriesPerCall(),
                entriesMeasured, verified, s.median(), s.p10(), s.p90(), new double[] {s.ciLow(), s.ciHigh()},
                s.ciCoverage(), s.min(), s.max(), s.relativeSpread(), s.n(), callsPerTrial, warmupStable,
                java.util.Arrays.stream(perCallNs).boxed().toList());
    }
}
