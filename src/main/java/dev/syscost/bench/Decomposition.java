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
 *
 * <p>Three terms cannot be negative on any machine, because the larger rung does all the smaller one does
 * and more: {@code ffm_overhead} (a downcall is a call plus a native transition), {@code entry_exit_floor}
 * (an invalid syscall is a downcall plus a kernel entry) and {@code vdso_savings} (the forced syscall reads
 * the same clock after a kernel entry). Measured negative beyond their interval, the run was disturbed
 * (the thread descheduled or migrated during one rung, the vDSO falling back to the kernel): such a term is
 * "not resolved: measurement disturbed" and its headline field is null, never a figure. The {@code work_*}
 * terms are not in that set: the floor is an invalid number's path (its own x32 check and
 * {@code sys_ni_syscall}, libc's errno store on return), so a handler as cheap as getppid's can honestly
 * come out a few ns below it.
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

    /** Terms that are physically non-negative (see the type's note). */
    public static final java.util.Set<String> NON_NEGATIVE = java.util.Set.of("ffm_overhead", "entry_exit_floor", "vdso_savings");

    /** Why a term is not resolved: its interval spans zero. */
    public static final String SPANS_ZERO = "not resolved: the interval spans zero (the two rungs are not distinguishable on this run)";
    /** Why a term is not resolved: a physically non-negative term measured negative. */
    public static final String DISTURBED = "not resolved: measurement disturbed (a term that cannot be negative measured negative)";

    /**
     * One named difference with its interval and the formula that produced it; {@code resolved} is
     * false when the interval spans zero (the two rungs are not distinguishable on this run) or when a
     * physically non-negative term measured negative ({@code reason} says which; null when resolved).
     * {@code valueNs} is then the raw difference, kept for diagnosis, not a figure.
     *
     * @param forkValuesNs        the term computed from each fork's medians (empty with one fork)
     * @param betweenForkSpreadNs max − min of {@code forkValuesNs}; null with one fork
     */
    public record Term(String name, double valueNs, double[] ci95Ns, boolean resolved, String formula, String note,
                       String reason, boolean physicallyNonNegative, List<Double> forkValuesNs,
                       Double betweenForkSpreadNs) {
        /** A term measured in one JVM, resolved when its interval excludes zero. */
        public Term(String name, double valueNs, double[] ci95Ns, boolean resolved, String formula, String note) {
            this(name, valueNs, ci95Ns, resolved, formula, note, resolved ? null : SPANS_ZERO,
                    NON_NEGATIVE.contains(name), List.of(), null);
        }

        /** Whether this is a non-negative term that measured negative: a failed measurement. */
        public boolean disturbed() {
            return DISTURBED.equals(reason);
        }
    }

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
        String ffmNote = ffmOverhead == null || ffm.isEmpty() ? "" : String.format(Locale.ROOT,
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
        boolean nonNegative = NON_NEGATIVE.contains(name);
        boolean spansZero = ci[0] <= 0 && ci[1] >= 0;
        String reason = nonNegative && value < 0 && !spansZero ? DISTURBED : spansZero ? SPANS_ZERO : null;
        List<Double> forkValues = new ArrayList<>();
        if (x.forkMediansNs().size() > 1 && x.forkMediansNs().size() == y.forkMediansNs().size()) {
            for (int i = 0; i < x.forkMediansNs().size(); i++) {
                forkValues.add(x.forkMediansNs().get(i) - bTimes * y.forkMediansNs().get(i));
            }
        }
        Double forkSpread = forkValues.isEmpty() ? null
                : forkValues.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                        - forkValues.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        terms.add(new Term(name, value, ci, reason == null, formula, note, reason, nonNegative, List.copyOf(forkValues),
                forkSpread));
        return nonNegative && value < 0 ? null : value; // an impossible value is never a headline figure
    }

    private static Double ratio(Optional<ProbeResult> a, Optional<ProbeResult> b) {
        if (a.isEmpty() || b.isEmpty() || b.get().medianNs() <= 0) {
            return null;
        }
        return a.get().medianNs() / b.get().medianNs();
    }
}
