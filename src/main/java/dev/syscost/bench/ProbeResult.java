package dev.syscost.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * What the harness found for one probe: per-call nanoseconds summarised over trials (each trial's
 * per-call mean is one sample), whether the probe's kernel-entry claim was verified, and, when the
 * trials ran in several JVMs, each JVM's median and their spread.
 *
 * @param forkMediansNs             the median of each fork's trials, in fork order (one entry for a single JVM)
 * @param betweenForkSpreadNs       max − min of {@code forkMediansNs}; null with one fork (not measured)
 * @param betweenForkRelativeSpread {@code betweenForkSpreadNs / medianNs}; null with one fork
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
        List<Double> trialNs,
        List<Double> forkMediansNs,
        Double betweenForkSpreadNs,
        Double betweenForkRelativeSpread) {

    public ProbeResult {
        trialNs = trialNs == null ? List.of() : List.copyOf(trialNs);
        forkMediansNs = forkMediansNs == null ? List.of() : List.copyOf(forkMediansNs);
    }

    /** A probe measured in one JVM: its median is its only fork median, and no between-fork spread. */
    public ProbeResult(String id, String description, boolean available, String unavailableReason,
            int kernelEntriesPerCall, Double kernelEntriesMeasured, Boolean kernelEntriesVerified, double medianNs,
            double p10Ns, double p90Ns, double[] ci95Ns, double ciCoverage, double minNs, double maxNs,
            double relativeSpread, int trials, long callsPerTrial, boolean warmupStable, List<Double> trialNs) {
        this(id, description, available, unavailableReason, kernelEntriesPerCall, kernelEntriesMeasured,
                kernelEntriesVerified, medianNs, p10Ns, p90Ns, ci95Ns, ciCoverage, minNs, maxNs, relativeSpread, trials,
                callsPerTrial, warmupStable, trialNs, available ? List.of(medianNs) : List.of(), null, null);
    }

    /** A probe that could not run here, with the reason. */
    public static ProbeResult unavailable(Probe probe, String reason) {
        return new ProbeResult(probe.id(), probe.description(), false, reason, probe.kernelEntriesPerCall(),
                null, null, Double.NaN, Double.NaN, Double.NaN, new double[] {Double.NaN, Double.NaN}, 0,
                Double.NaN, Double.NaN, Double.NaN, 0, 0, false, List.of());
    }

    /** A measured probe. */
    static ProbeResult measured(Probe probe, Stats.Summary s, double[] perCallNs, long callsPerTrial,
            boolean warmupStable, Double entriesMeasured) {
        return new ProbeResult(probe.id(), probe.description(), true, null, probe.kernelEntriesPerCall(),
                entriesMeasured, verified(entriesMeasured, probe.kernelEntriesPerCall()), s.median(), s.p10(), s.p90(),
                new double[] {s.ciLow(), s.ciHigh()}, s.ciCoverage(), s.min(), s.max(), s.relativeSpread(), s.n(),
                callsPerTrial, warmupStable, java.util.Arrays.stream(perCallNs).boxed().toList());
    }

    private static Boolean verified(Double entriesMeasured, int declared) {
        return entriesMeasured == null ? null : Math.abs(entriesMeasured - declared) <= 0.05;
    }

    /**
     * One probe's results from several forks as one: every fork's trials pooled for the median, p10–p90
     * and interval; each fork's median kept, and their range as the between-fork spread. Unavailable in
     * any fork makes it unavailable, with that fork's reason.
     */
    static ProbeResult merge(List<ProbeResult> forks) {
        ProbeResult first = forks.get(0);
        for (int i = 0; i < forks.size(); i++) {
            if (!forks.get(i).available()) {
                ProbeResult u = forks.get(i);
                return new ProbeResult(u.id(), u.description(), false,
                        (forks.size() > 1 ? "fork " + (i + 1) + ": " : "") + u.unavailableReason(),
                        u.kernelEntriesPerCall(), null, null, Double.NaN, Double.NaN, Double.NaN,
                        new double[] {Double.NaN, Double.NaN}, 0, Double.NaN, Double.NaN, Double.NaN, 0, 0, false,
                        List.of(), List.of(), null, null);
            }
        }
        List<Double> pooled = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        double entriesSum = 0;
        int entriesN = 0;
        boolean stable = true;
        for (ProbeResult f : forks) {
            pooled.addAll(f.trialNs());
            medians.add(f.medianNs());
            stable &= f.warmupStable();
            if (f.kernelEntriesMeasured() != null) {
                entriesSum += f.kernelEntriesMeasured();
                entriesN++;
            }
        }
        Stats.Summary s = Stats.summarize(pooled.stream().mapToDouble(Double::doubleValue).toArray());
        Double entries = entriesN == 0 ? null : Math.round(entriesSum / entriesN * 1000.0) / 1000.0;
        double min = medians.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = medians.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        Double spread = forks.size() > 1 ? max - min : null;
        Double relative = spread == null || s.median() == 0 ? null : spread / s.median();
        return new ProbeResult(first.id(), first.description(), true, null, first.kernelEntriesPerCall(), entries,
                verified(entries, first.kernelEntriesPerCall()), s.median(), s.p10(), s.p90(),
                new double[] {s.ciLow(), s.ciHigh()}, s.ciCoverage(), s.min(), s.max(), s.relativeSpread(), s.n(),
                first.callsPerTrial(), stable, pooled, medians, spread, relative);
    }
}
