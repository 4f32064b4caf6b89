package dev.syscost.env;

/**
 * Kernel page-table isolation (the Meltdown mitigation) and the CPU features that decide its price:
 * PCID keeps TLB entries across the CR3 switch, INVPCID lets the kernel flush single user entries.
 * {@code active} is null when neither cpuinfo nor the meltdown entry could be read.
 */
public record PageTableIsolation(Boolean active, boolean pcid, boolean invpcid, String effect) {

    static PageTableIsolation detect(CpuInfo cpu, String meltdownRaw, String sandbox) {
        Boolean active;
        if (!sandbox.equals(Virtualisation.NONE)) {
            return new PageTableIsolation(null, cpu.has("pcid"), cpu.has("invpcid"), "unknown: " + sandbox
                    + " shows a synthetic cpuinfo, not the host kernel's page-table isolation");
        }
        if (!cpu.flags().isEmpty()) {
            active = cpu.has("pti");
        } else if (meltdownRaw != null) {
            active = meltdownRaw.contains("PTI");
        } else {
            active = null;
        }
        boolean pcid = cpu.has("pcid");
        boolean invpcid = cpu.has("invpcid");
        return new PageTableIsolation(active, pcid, invpcid, effect(active, pcid, invpcid));
    }

    private static String effect(Boolean active, boolean pcid, boolean invpcid) {
        if (active == null) {
            return "unknown: neither /proc/cpuinfo flags nor the meltdown entry could be read";
        }
        if (!active) {
            return "off: entry and exit keep one page table, no CR3 switch";
        }
        if (!pcid) {
            return "CR3 switch on every entry and exit and, without PCID, a full TLB flush each time:"
                    + " user code refills its TLB after every syscall";
        }
        return invpcid
                ? "CR3 switch on every entry and exit; PCID keeps both page tables' TLB entries and INVPCID"
                        + " flushes single user entries"
                : "CR3 switch on every entry and exit; PCID keeps TLB entries, but without INVPCID user"
                        + " entries are flushed by a whole-PCID flush on the next exit";
    }
}
