package dev.syscost.env;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What each mitigation named in /sys/devices/system/cpu/vulnerabilities does on the syscall path
 * (entry, dispatch, exit), after the kernel's Documentation/admin-guide/hw-vuln and
 * arch/x86/kernel/cpu/bugs.c. A sysfs string is split into its parts ("Retpolines", "IBPB: conditional",
 * "BHI: SW loop", ...) and each part is matched against these rules, most specific first.
 */
final class MitigationCatalogue {
    /** What a whole sysfs string means for the syscall path. */
    record Explanation(Boolean onSyscallPath, List<String> costs, String effect) {}

    /** One mitigation: the vulnerability it belongs to (null: any), the text that names it, and its effect. */
    private record Rule(String vulnerability, String text, boolean onPath, String cost, String effect) {
        boolean matches(String vuln, String part) {
            return (vulnerability == null || vulnerability.equals(vuln))
                    && part.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
        }
    }

    private static final String VERW = "VERW on every return to user space clears the CPU's internal buffers"
            + " (one microcoded instruction, hundreds of cycles on affected cores; paid once even when several"
            + " vulnerabilities ask for it)";
    private static final String IBPB_ENTRY = "a full branch-predictor barrier (IBPB) on every kernel entry:"
            + " the dearest entry mitigation";

    private static final List<Rule> RULES = List.of(
            new Rule(null, ": Not affected", false, null, null),
            new Rule("meltdown", "PTI", true, "PTI", "CR3 switch to the kernel page tables on every entry and back"
                    + " on every exit (TLB entries survive only with PCID)"),
            new Rule("spectre_v1", "no swapgs barriers", false, null, "no swapgs barriers on interrupt entry"),
            new Rule("spectre_v1", "usercopy/swapgs barriers", true, "usercopy barriers", "LFENCE after user-pointer checks"
                    + " in copy_from_user/get_user and a masked syscall-table index; the swapgs LFENCEs sit on"
                    + " interrupt and exception entry, not on SYSCALL"),
            new Rule("spectre_v1", "usercopy barriers", true, "usercopy barriers", "LFENCE after user-pointer checks"
                    + " in copy_from_user/get_user; no swapgs barriers"),
            new Rule("spectre_v1", "__user pointer sanitization", true, "usercopy barriers",
                    "user pointers masked (array_index_nospec) before use"),
            new Rule("spectre_v2", "BHI: Retpoline", false, null, "retpolines already cover branch history injection"),
            new Rule("spectre_v2", "BHI: Vulnerable", false, null, "branch history injection not mitigated"),
            new Rule(null, "IBRS + Retpolines", true, "retpolines", "hardware IBRS set once, plus every indirect"
                    + " call/jump in the kernel through a return trampoline"),
            new Rule(null, "IBRS + LFENCE", true, "LFENCE before indirect branches", "hardware IBRS set once, plus"
                    + " an LFENCE before every indirect call/jump in the kernel"),
            new Rule(null, "Enhanced", false, null, "enhanced/automatic IBRS is set once at boot: no per-entry work"),
            new Rule(null, "Automatic IBRS", false, null, "automatic IBRS is set once at boot: no per-entry work"),
            new Rule(null, "etpoline", true, "retpolines", "every indirect call/jump in the kernel (syscall-table"
                    + " dispatch, VFS and driver ops) goes through a return trampoline: a few cycles each, no"
                    + " indirect-branch prediction"),
            new Rule("spectre_v2", "LFENCE", true, "LFENCE before indirect branches",
                    "an LFENCE before every indirect call/jump in the kernel"),
            new Rule(null, "IBRS_FW", false, null, "IBRS around firmware calls only"),
            new Rule(null, "PBRSB-eIBRS", false, null, "one RSB entry stuffed on VM exit only"),
            new Rule(null, "SW loop", true, "BHI clearing loop", "clear_bhb_loop scrubs the branch history on every"
                    + " syscall entry (tens of ns on older cores)"),
            new Rule(null, "BHI_DIS_S", false, null, "hardware BHI_DIS_S set once: the kernel ignores user branch"
                    + " history, no per-entry work"),
            new Rule("spectre_v2", "STIBP", false, null, "STIBP restricts a sibling hyper-thread's predictions:"
                    + " no entry/exit work"),
            new Rule("spectre_v2", "IBPB", false, null, "IBPB on a switch to another process, not per syscall"),
            new Rule("spectre_v2", "RSB filling", false, null, "the return stack buffer is refilled on context"
                    + " switch and VM exit, not per syscall"),
            new Rule("spectre_v2", "IBRS", true, "IBRS on entry", "SPEC_CTRL MSR written on every kernel entry and"
                    + " exit (IBRS on while in the kernel): two MSR writes per syscall"),
            new Rule("retbleed", "untrained return thunk", true, "untrained return thunk", "every `ret` in the"
                    + " kernel jumps through the untrained return thunk (AMD Zen 1/2)"),
            new Rule(null, "Stuffing", true, "call-depth tracking", "call depth tracking: every kernel"
                    + " call/ret counts depth and the RSB is stuffed on entry"),
            new Rule("retbleed", "IBPB", true, "IBPB on entry", IBPB_ENTRY),
            new Rule("retbleed", "IBRS", true, "IBRS on entry", "SPEC_CTRL MSR written on every kernel entry and"
                    + " exit (shared with spectre_v2)"),
            new Rule("spec_rstack_overflow", "Safe RET", true, "Safe RET", "every `ret` in the kernel goes through"
                    + " srso_return_thunk, a CALL/RET pair that overwrites the poisoned return prediction"),
            new Rule("spec_rstack_overflow", "IBPB on VMEXIT", false, null, "IBPB on VM exit only"),
            new Rule("spec_rstack_overflow", "IBPB", true, "IBPB on entry", IBPB_ENTRY),
            new Rule("spec_rstack_overflow", "Reduced Speculation", false, null, "speculation reduced around"
                    + " guests only; host syscalls unaffected"),
            new Rule("spec_rstack_overflow", "No microcode", false, null, "the mitigation needs microcode (in a"
                    + " guest: a CPUID bit the hypervisor does not pass through)"),
            new Rule("spec_rstack_overflow", "microcode", false, null, "extended IBPB on context switch only:"
                    + " user-to-user protection, no per-entry work"),
            new Rule(null, "Clear CPU buffers: VM", false, null, "VERW before VM entry only"),
            new Rule(null, "Clear CPU buffers attempted", true, "VERW on exit", "VERW executed on every return to"
                    + " user space, but without the microcode it clears nothing"),
            new Rule(null, "Clear CPU buffers", true, "VERW on exit", VERW),
            new Rule("reg_file_data_sampling", "Clear Register File", true, "VERW on exit", VERW),
            new Rule(null, "TSX disabled", false, null, "TSX disabled: nothing on the syscall path"),
            new Rule("l1tf", "PTE Inversion", false, null, "not-present page-table entries inverted (free)"),
            new Rule("itlb_multihit", "Split huge pages", false, null, "KVM splits huge pages for guests;"
                    + " host syscalls unaffected"),
            new Rule("itlb_multihit", "VMX disabled", false, null, "VMX disabled: nothing to mitigate"),
            new Rule(null, "VMX", false, null, "L1D flush on VM entry only"),
            new Rule("spec_store_bypass", "Speculative Store Bypass disabled", false, null, "SSBD only for tasks"
                    + " that ask via prctl (or run under seccomp): slows their loads, not the entry path"),
            new Rule("srbds", "Microcode", false, null, "RDRAND/RDSEED slowed by microcode; not on the entry path"),
            new Rule("gather_data_sampling", "Microcode", false, null, "AVX gather instructions slowed by"
                    + " microcode; not on the entry path"),
            new Rule("gather_data_sampling", "AVX disabled", false, null, "AVX disabled; not on the entry path"),
            new Rule("indirect_target_selection", "Aligned branch/return thunks", true, "ITS thunks", "indirect"
                    + " branches and returns in the lower half of a cache line go through aligned thunks"),
            new Rule("vmscape", "IBPB before exit to userspace", false, null, "IBPB on the first return to user"
                    + " space after a guest ran (KVM hosts only), not on ordinary syscalls"),
            new Rule("vmscape", "IBPB on VMEXIT", false, null, "IBPB on VM exit only"),
            new Rule(null, "SMT", false, null, null),
            new Rule(null, "Not affected", false, null, null),
            new Rule(null, "disabled", false, null, null),
            new Rule(null, "Vulnerable", false, null, null),
            new Rule(null, "no microcode", false, null, null));

    private MitigationCatalogue() {}

    /** What {@code raw} (the content of vulnerabilities/{@code name}) does on the syscall path. */
    static Explanation explain(String name, String raw, VulnerabilityStatus status) {
        if (status == VulnerabilityStatus.NOT_AFFECTED) {
            return new Explanation(false, List.of(), "not affected: nothing on the syscall path");
        }
        Set<String> costs = new LinkedHashSet<>();
        Set<String> effects = new LinkedHashSet<>();
        boolean unknownPart = false;
        for (String part : parts(raw)) {
            Rule rule = RULES.stream().filter(r -> r.matches(name, part)).findFirst().orElse(null);
            if (rule == null) {
                unknownPart = true;
                continue;
            }
            if (rule.onPath()) {
                costs.add(rule.cost());
            }
            if (rule.effect() != null) {
                effects.add(rule.effect());
            }
        }
        List<String> text = new ArrayList<>(effects);
        if (status == VulnerabilityStatus.VULNERABLE && costs.isEmpty()) {
            text.addFirst("no mitigation active: nothing added to the syscall path (the CPU is exposed)");
        }
        if (unknownPart && costs.isEmpty()) {
            text.add("a mitigation syscost does not know: see the kernel's Documentation/admin-guide/hw-vuln");
            return new Explanation(null, List.of(), String.join("; ", text));
        }
        if (text.isEmpty()) {
            text.add("nothing on the syscall path");
        }
        return new Explanation(!costs.isEmpty(), List.copyOf(costs), String.join("; ", text));
    }

    /** The parts of a sysfs string: split at ";" and ",", prefixes "KVM: " and "Mitigation: " removed. */
    static List<String> parts(String raw) {
        List<String> parts = new ArrayList<>();
        for (String part : raw.split("[;,]")) {
            String p = part.trim();
            if (p.startsWith("KVM: ") && !p.contains("SW loop")) {
                p = p.substring(5);
            }
            if (p.startsWith("Mitigation: ")) {
                p = p.substring("Mitigation: ".length());
            }
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }
}
