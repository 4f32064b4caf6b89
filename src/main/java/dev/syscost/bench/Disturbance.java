package dev.syscost.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Signs that a run was disturbed though its trials agree with each other: a physically non-negative term
 * measured negative, or the vDSO rung costing like a kernel entry. Both were seen under load with a
 * spread of 0.2%: a tight spread says the trials agree, not that they measured the quiet machine.
 */
final class Disturbance {
    /** The vDSO rung above this share of the forced syscall's cost (both less the downcall) is not the vDSO. */
    static final double VDSO_LIKE_SYSCALL = 0.5;
    /** Without the forced-syscall rung: the vDSO rung above this many ns beyond the downcall is suspect. */
    static final double VDSO_CEILING_NS = 250;

    private Disturbance() {}

    static List<String> warnings(List<ProbeResult> probes, Decomposition d) {
        List<String> w = new ArrayList<>();
        for (Decomposition.Term t : d.terms()) {
            if (t.disturbed()) {
                w.add(String.format(Locale.ROOT, "%s measured %.1f ns (%s), but cannot be negative: measurement"
                        + " disturbed, not a figure; rerun on a quieter machine or pin with --pin CPU", t.name(), t.valueNs(),
                        t.formula()));
            }
        }
        vdsoJump(probes).ifPresent(w::add);
        return w;
    }

    /**
     * The vDSO read costs tens of ns; when it costs like a kernel entry, either the vDSO fell back to the
     * syscall (kvm-clock or hpet without a stable TSC: the kernel-entry count shows it where permitted) or
     * the thread lost the CPU throughout the rung.
     */
    static Optional<String> vdsoJump(List<ProbeResult> probes) {
        Optional<ProbeResult> vdso = get(probes, "vdso_clock_gettime");
        Optional<ProbeResult> ffm = get(probes, "ffm_downcall");
        if (vdso.isEmpty()) {
            return Optional.empty();
        }
        double base = ffm.map(ProbeResult::medianNs).orElse(0.0);
        double vdsoNs = vdso.get().medianNs() - base;
        Optional<ProbeResult> forced = get(probes, "clock_gettime_syscall");
        String why;
        if (forced.isPresent()) {
            double forcedNs = forced.get().medianNs() - base;
            if (forcedNs <= 0 || vdsoNs < VDSO_LIKE_SYSCALL * forcedNs) {
                return Optional.empty();
            }
            why = String.format(Locale.ROOT, "%.0f%% of the forced clock_gettime syscall (%.0f ns)",
                    100 * vdsoNs / forcedNs, forced.get().medianNs());
        } else if (vdsoNs > VDSO_CEILING_NS) {
            why = String.format(Locale.ROOT, "over %.0f ns beyond the FFM downcall, where a vDSO read takes tens of ns",
                    VDSO_CEILING_NS);
        } else {
            return Optional.empty();
        }
        Double entries = vdso.get().kernelEntriesMeasured();
        String cause = entries != null && entries >= 0.5
                ? String.format(Locale.ROOT, "it entered the kernel %.2f times per call: the vDSO falls back to the syscall"
                        + " here (clocksource in `syscost env`; kvm-clock without a stable TSC does this)", entries)
                : "the vDSO may be falling back to the syscall (clocksource in `syscost env`) or the thread was"
                        + " descheduled throughout the rung";
        return Optional.of(String.format(Locale.ROOT, "vdso_clock_gettime costs %.0f ns, %s: %s; its figure and"
                + " vdso_savings are not this machine's quiet vDSO cost", vdso.get().medianNs(), why, cause));
    }

    private static Optional<ProbeResult> get(List<ProbeResult> probes, String id) {
        return probes.stream().filter(p -> p.id().equals(id) && p.available()).findFirst();
    }
}
