package dev.syscost.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A kernel command-line switch that changes the boundary path: a mitigation control
 * (mitigations=, pti=, nopti, spectre_v2=, ...) or a timekeeping/isolation switch (clocksource=,
 * isolcpus=, nohz_full=, ...). {@code value} is empty for bare flags such as {@code nopti}.
 */
public record CommandLineSwitch(String name, String value, String kind, String meaning) {
    static final String MITIGATION = "mitigation";
    static final String TIMING = "timing";

    private record Known(String kind, String meaning) {}

    private static final Map<String, Known> KNOWN = Map.ofEntries(
            mitigation("mitigations", "global switch for CPU-bug mitigations (off: none; auto: default;"
                    + " auto,nosmt: also disable SMT; attack-vector controls such as no_guest_host narrow it)"),
            mitigation("pti", "page-table isolation (on: forced even on CPUs not affected by Meltdown, CR3 switch"
                    + " on every entry and exit; off: none; auto: only where affected)"),
            mitigation("nopti", "page-table isolation off: no CR3 switch on entry/exit"),
            mitigation("kpti", "page-table isolation control (arm64)"),
            mitigation("nopcid", "PCID disabled: with PTI every entry and exit flushes the TLB"),
            mitigation("noinvpcid", "INVPCID disabled: single TLB entries cannot be flushed by PCID"),
            mitigation("spectre_v2", "Spectre v2 kernel mitigation (retpoline, lfence, eibrs, ibrs, off, ...)"),
            mitigation("nospectre_v2", "Spectre v2 mitigations off: no retpolines, IBRS or RSB filling"),
            mitigation("spectre_v2_user", "Spectre v2 user-to-user protection (IBPB/STIBP; prctl, seccomp, on, off)"),
            mitigation("nospectre_v1", "Spectre v1 barriers off (no usercopy LFENCE)"),
            mitigation("spectre_bhi", "branch history injection mitigation (on: clearing loop on entry; off)"),
            mitigation("retbleed", "Retbleed mitigation (unret, ibpb, ibrs, stuff, off, ...)"),
            mitigation("spec_rstack_overflow", "SRSO mitigation (safe-ret, ibpb, ibpb-vmexit, off)"),
            mitigation("spec_store_bypass_disable", "Speculative Store Bypass control (prctl, seccomp, on, off)"),
            mitigation("nospec_store_bypass_disable", "Speculative Store Bypass mitigation off"),
            mitigation("ssbd", "Speculative Store Bypass control (arm64)"),
            mitigation("mds", "MDS mitigation (full: VERW on every exit to user; full,nosmt; off)"),
            mitigation("tsx_async_abort", "TAA mitigation (full: VERW on exit; off)"),
            mitigation("mmio_stale_data", "MMIO stale data mitigation (full: VERW; off)"),
            mitigation("reg_file_data_sampling", "RFDS mitigation (on: VERW on exit; off)"),
            mitigation("tsa", "Transient Scheduler Attack mitigation (on, user, vm, off)"),
            mitigation("tsx", "TSX on/off/auto"),
            mitigation("l1tf", "L1TF mitigation (flush, full, off; VM entry only)"),
            mitigation("srbds", "SRBDS mitigation (off)"),
            mitigation("gather_data_sampling", "GDS mitigation (force, off)"),
            mitigation("indirect_target_selection", "ITS mitigation (on, off, vmexit, stuff, force)"),
            mitigation("vmscape", "VMSCAPE mitigation (ibpb, force, off)"),
            mitigation("kvm.nx_huge_pages", "iTLB multihit mitigation for KVM guests"),
            mitigation("nosmt", "SMT disabled"),
            mitigation("nospectre_bhb", "Spectre-BHB mitigation off (arm64)"),
            timing("clocksource", "clocksource forced (decides whether clock_gettime stays in the vDSO)"),
            timing("tsc", "TSC trust (reliable: no watchdog; unstable: not used as clocksource)"),
            timing("isolcpus", "CPUs isolated from the scheduler"),
            timing("nohz_full", "tickless CPUs (user/kernel transitions tracked by context tracking)"),
            timing("rcu_nocbs", "RCU callbacks offloaded from these CPUs"),
            timing("idle", "idle loop (poll: lower wake-up latency)"),
            timing("intel_idle.max_cstate", "deepest C-state allowed"),
            timing("processor.max_cstate", "deepest C-state allowed"),
            timing("audit", "syscall auditing (1: audit hooks on syscall entry and exit)"));

    /** The switches among a kernel's command-line arguments, in command-line order. */
    static List<CommandLineSwitch> of(String[] arguments) {
        List<CommandLineSwitch> switches = new ArrayList<>();
        for (String arg : arguments) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            Known k = KNOWN.get(name);
            if (k != null) {
                switches.add(new CommandLineSwitch(name, eq < 0 ? "" : arg.substring(eq + 1), k.kind(), k.meaning()));
            }
        }
        return List.copyOf(switches);
    }

    /** "name=value", or "name" for a bare flag. */
    public String text() {
        return value.isEmpty() ? name : name + "=" + value;
    }

    private static Map.Entry<String, Known> mitigation(String name, String meaning) {
        return Map.entry(name, new Known(MITIGATION, meaning));
    }

    private static Map.Entry<String, Known> timing(String name, String meaning) {
        return Map.entry(name, new Known(TIMING, meaning));
    }
}
