package dev.syscost.env;

import java.util.List;

/**
 * The CPU as the kernel reports it: identity, CPUs online, SMT control, the flags that bear on the
 * boundary path and the kernel's list of CPU bugs.
 */
public record Cpu(String vendor, String modelName, String family, String model, String stepping,
                  String microcode, int cpusOnline, String smtControl, List<String> flagsOfNote, List<String> bugs) {

    /** Flags that change what a kernel entry or a clock read costs. */
    static final List<String> NOTABLE_FLAGS = List.of("hypervisor", "pti", "pcid", "invpcid", "smep", "smap",
            "fsgsbase", "ibrs", "ibpb", "stibp", "ibrs_enhanced", "ssbd", "md_clear", "flush_l1d",
            "arch_capabilities", "constant_tsc", "nonstop_tsc", "tsc_reliable", "tsc_known_freq", "rdtscp",
            "sme", "sev", "sev_es", "tdx_guest");

    static Cpu detect(SysRoot sys, CpuInfo info) {
        int online = sys.line("sys/devices/system/cpu/online").map(Cpu::countCpuList).orElse(0);
        if (online == 0) {
            online = info.processors();
        }
        if (online == 0) {
            sys.note("CPUs online", sys.whyUnreadable("sys/devices/system/cpu/online"));
        }
        String smt = sys.line("sys/devices/system/cpu/smt/control").orElse(Kernel.UNKNOWN);
        List<String> notable = NOTABLE_FLAGS.stream().filter(info::has).toList();
        return new Cpu(info.get("vendor_id"), info.get("model name"), info.get("cpu family"), info.get("model"),
                info.get("stepping"), info.get("microcode"), online, smt, notable, info.bugs());
    }

    /** The number of CPUs in a kernel CPU list such as "0-3,8,10-11". */
    static int countCpuList(String list) {
        int n = 0;
        for (String part : list.trim().split(",")) {
            String range = part.trim();
            if (range.isEmpty()) {
                continue;
            }
            if (!range.matches("\\d+(-\\d+)?")) {
                return 0;
            }
            try {
                int dash = range.indexOf('-');
                n += dash < 0 ? 1 : Integer.parseInt(range.substring(dash + 1)) - Integer.parseInt(range.substring(0, dash)) + 1;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return n;
    }

    /** "AMD EPYC (AuthenticAMD family 26 model 2 stepping 1)". */
    String describe() {
        return modelName + " (" + vendor + " family " + family + " model " + model + " stepping " + stepping + ")";
    }
}
