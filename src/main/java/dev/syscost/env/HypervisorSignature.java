package dev.syscost.env;

import java.util.List;
import java.util.Locale;

/**
 * Names the hypervisor from what a guest can read without dmesg: Firecracker's ACPI OEM ID and
 * command line, /sys/hypervisor/type (Xen), the DMI vendor and product, the paravirtual clocksources
 * the kernel registered after reading the CPUID hypervisor signature (kvm-clock: "KVMKVMKVM",
 * hyperv_clocksource: "Microsoft Hv"), and Hyper-V's VMBus.
 */
final class HypervisorSignature {
    private static final String[][] DMI = {
        {"firecracker", "Firecracker"}, {"amazon ec2", "KVM (AWS Nitro)"}, {"google compute engine", "KVM (Google)"},
        {"openstack", "KVM (OpenStack)"}, {"qemu", "KVM/QEMU"}, {"kvm", "KVM"}, {"cloud hypervisor", "Cloud Hypervisor"},
        {"vmware", "VMware"}, {"virtualbox", "VirtualBox"}, {"innotek", "VirtualBox"}, {"parallels", "Parallels"},
        {"xen", "Xen"}, {"bhyve", "bhyve"}, {"virtual machine", "Hyper-V"}};

    private HypervisorSignature() {}

    static String identify(SysRoot sys, Kernel kernel, String dmiVendor, String dmiProduct, List<String> evidence) {
        boolean noDmi = dmiVendor.equals(Kernel.UNKNOWN) && dmiProduct.equals(Kernel.UNKNOWN);
        String found = firecracker(sys, kernel, noDmi, evidence) ? "Firecracker" : Virtualisation.NONE;
        String xen = sys.line("sys/hypervisor/type").orElse(sys.exists("proc/xen") ? "xen" : "");
        if (!xen.isEmpty()) {
            evidence.add(sys.exists("sys/hypervisor/type") ? "/sys/hypervisor/type is " + xen : "/proc/xen present");
            found = found.equals(Virtualisation.NONE) ? capitalise(xen) : found;
        }
        if (!noDmi) {
            String dmi = (dmiVendor + " " + dmiProduct).toLowerCase(Locale.ROOT);
            for (String[] d : DMI) {
                if (dmi.contains(d[0])) {
                    evidence.add("DMI " + dmiVendor + " / " + dmiProduct);
                    found = found.equals(Virtualisation.NONE) ? d[1] : found;
                    break;
                }
            }
        }
        return paravirtClock(sys, found, evidence);
    }

    /** Firecracker's ACPI OEM ID, its name on the command line, or its virtio-mmio machine without DMI. */
    private static boolean firecracker(SysRoot sys, Kernel kernel, boolean noDmi, List<String> evidence) {
        String oem = sys.head("sys/firmware/acpi/tables/DSDT", 36).map(Virtualisation::acpiOemId).orElse("");
        String cmdline = kernel.commandLine().toLowerCase(Locale.ROOT);
        int before = evidence.size();
        if (oem.equals("FIRECK")) {
            evidence.add("ACPI DSDT OEM ID FIRECK");
        }
        if (cmdline.contains("firecracker")) {
            evidence.add("command line names firecracker");
        }
        if (noDmi && (cmdline.contains("virtio_mmio.device=") || virtioMmioDevices(sys))) {
            evidence.add("virtio-mmio devices and no DMI (Firecracker's machine model)");
        }
        return evidence.size() > before;
    }

    private static String paravirtClock(SysRoot sys, String found, List<String> evidence) {
        String sources = sys.line("sys/devices/system/clocksource/clocksource0/available_clocksource").orElse("");
        if (sources.contains("kvm-clock")) {
            evidence.add("kvm-clock registered (KVM paravirtual CPUID signature)");
            return found.equals(Virtualisation.NONE) ? "KVM" : found;
        }
        if (sources.contains("hyperv_clocksource") || sys.exists("sys/bus/vmbus")) {
            evidence.add(sources.contains("hyperv_clocksource") ? "hyperv_clocksource registered" : "/sys/bus/vmbus present");
            return found.equals(Virtualisation.NONE) ? "Hyper-V" : found;
        }
        if (sources.contains("xen")) {
            evidence.add("xen clocksource registered");
            return found.equals(Virtualisation.NONE) ? "Xen" : found;
        }
        return found;
    }

    /** virtio-mmio platform devices (named virtio-mmio.N on the command line, LNRO0005 in ACPI). */
    private static boolean virtioMmioDevices(SysRoot sys) {
        return sys.list("sys/bus/platform/devices").stream()
                .anyMatch(d -> d.startsWith("virtio-mmio") || d.startsWith("virtio_mmio") || d.startsWith("LNRO0005"));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
