package dev.syscost.env;

/**
 * The running kernel: release ({@code uname -r}), version ({@code uname -v}), preemption model and
 * the boot command line (up to a {@code --}, after which the arguments belong to init).
 */
public record Kernel(String release, String version, String preemption, String commandLine) {
    static final String UNKNOWN = "unknown";

    static Kernel detect(SysRoot sys) {
        String procVersion = sys.lineOrNote("proc/version", "kernel version").orElse("");
        String release = sys.line("proc/sys/kernel/osrelease").orElseGet(() -> releaseOf(procVersion));
        String version = sys.line("proc/sys/kernel/version").orElseGet(() -> versionOf(procVersion));
        String cmdline = sys.lineOrNote("proc/cmdline", "kernel command line").orElse(UNKNOWN);
        return new Kernel(release, version, preemptionOf(version), cmdline);
    }

    /** The release field of a /proc/version line: "Linux version RELEASE ...". */
    static String releaseOf(String procVersion) {
        String[] t = procVersion.trim().split("\\s+");
        return t.length >= 3 && t[1].equals("version") ? t[2] : UNKNOWN;
    }

    /** The version field (from the " #" build number on) of a /proc/version line. */
    static String versionOf(String procVersion) {
        int hash = procVersion.indexOf(" #");
        return hash < 0 ? UNKNOWN : procVersion.substring(hash + 1).trim();
    }

    /** The preemption model named in the version string (PREEMPT_RT, PREEMPT_DYNAMIC, PREEMPT, or none). */
    static String preemptionOf(String version) {
        for (String model : new String[] {"PREEMPT_RT", "PREEMPT_DYNAMIC", "PREEMPT"}) {
            if ((" " + version + " ").contains(" " + model + " ")) {
                return model;
            }
        }
        return version.equals(UNKNOWN) ? UNKNOWN : "none";
    }

    /** The command-line arguments meant for the kernel (those before a lone "--"). */
    String[] kernelArguments() {
        if (commandLine.equals(UNKNOWN) || commandLine.isBlank()) {
            return new String[0];
        }
        String line = commandLine;
        int dashes = (" " + line + " ").indexOf(" -- ");
        if (dashes >= 0) {
            line = line.substring(0, Math.max(0, dashes));
        }
        return line.isBlank() ? new String[0] : line.trim().split("\\s+");
    }
}
