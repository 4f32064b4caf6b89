package dev.syscost.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The syscall cost split into its measured parts, each a difference of two probe medians with a
 * conservative 95% interval ([low_a − high_b, high_a − low_b]). The FFM overhead is always given beside
 * the figures that subtract it, and any term whose probes did not run is absent, never estimated.
 */
public record Decomposition(
        Double ffmOverheadNs,
        Double entryExitFloorNs,
        Double vdsoSavingsNs,
        Map<String, Double> perSyscallWorkNs,
        Double getppidInJavaCalls,
        Double getppidInFfmDowncalls,
        Double invalidSyscallInJavaCalls,
        List<Term> terms) {

    /**
     * One named difference with its interval and the formula that produced it; {@code resolved} is
     * false when the interval spans zero (the two rungs are not distinguishable on this run).
     */
    public record Term(String name, double valueNs, double[] ci95Ns, boolean resolved, String formula, String note) {}

    /** Computes every term whose probes are available in {@code probes}. */
    public static Decomposition of(List<ProbeResult> probes) {
        Function<String, Optional<ProbeResult>> get = id -> probes.stream()
                .filter(p -> p.id().equals(id) && p.available()).findFirst();
        List<Term> terms = new ArrayList<>();
        Optional<ProbeResult> javaCall = get.apply("java_call");
        Optional<ProbeResult> ffm = get.apply("ffm_downcall");
        Optional<ProbeResult> invalid = get.apply("invalid_syscall");
        Optional<ProbeResult> getppid = get.apply("getppid");

        Double ffmOverhead = diff(terms, "ffm_overhead", ffm, javaCall, 1, "ffm_downcall − java_call",
                "the Java→native transition of an FFM downcall");
        String ffmNote = ffmOverhead == null ? "" : String.format(Locale.ROOT,
                "after subtracting the FFM downcall (%.1f ns, of which FFM overhead %.1f ns)",
                ffm.get().medianNs(), ffmOverhead);
        Double floor = diff(terms, "entry_exit_floor", invalid, ffm, 1, "invalid_syscall − ffm_downcall",
                "mode switch, entry/exit work and mitigations, no handler; " + ffmNote);
        Double vdso = diff(terms, "vdso_savings", get.apply("clock_gettime_syscall"), get.apply("vdso_clock_gettime"), 1,
                "clock_gettime_syscall − vdso_clock_gettime", "what the vDSO saves on one clock read");
        Map<String, Double> work = new LinkedHashMap<>();
        for (ProbeResult p : probes) {
            if (!p.available() || p.kernelEntriesPerCall() == 0 || p.id().equals("invalid_syscall")) {
                continue;
            }
            int k = p.kernelEntriesPerCall();
            Double w = diff(terms, "work_" + p.id(), Optional.of(p), invalid, k,
                    p.id() + " − " + k + " × invalid_syscall", "the handler's own work, beyond " + k + " bare entr"
                            + (k == 1 ? "y" : "ies"));
            if (w != null) {
                work.put(p.id(), w);
            }
        }
        return new Decomposition(ffmOverhead, floor, vdso, work,
                ratio(getppid, javaCall), ratio(getppid, ffm), ratio(invalid, javaCall), terms);
    }

    private static Double diff(List<Term> terms, String name, Optional<ProbeResult> a, Optional<ProbeResult> b,
            int bTimes, String formula, String note) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        ProbeResult x = a.get();
        ProbeResult y = b.get();
        double value = x.medianNs() - bTimes * y.medianNs();
        double[] ci = {x.ci95Ns()[0] - bTimes * y.ci95Ns()[1], x.ci95Ns()[1] - bTimes * y.ci95Ns()[0]};
        terms.add(new Term(name, value, ci, !(ci[0] <= 0 && ci[1] >= 0), formula, note));
        return value;
    }

    private static Double ratio(Optional<ProbeResult> a, Optional<ProbeResult> b) {
        if (a.isEmpty() || b.isEmpty() || b.get().medianNs() <= 0) {
            return null;
        }
        return a.get().medianNs() / b.get().medianNs();
    }
}
