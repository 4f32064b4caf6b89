package dev.syscost.env;

/**
 * How busy and how clocked the CPUs are: load averages, runnable tasks, and the cpufreq governor and
 * driver (absent in most VMs, where the host owns the frequency). Load figures are null when unknown.
 */
public record CpuLoad(Double loadAverage1m, Double loadAverage5m, Double loadAverage15m, Integer runnableTasks,
                      String cpufreqGovernor, String cpufreqDriver) {

    static CpuLoad detect(SysRoot sys) {
        String[] f = sys.lineOrNote("proc/loadavg", "load average").orElse("").split("\\s+");
        Double l1 = f.length >= 3 ? parse(f[0]) : null;
        Double l5 = f.length >= 3 ? parse(f[1]) : null;
        Double l15 = f.length >= 3 ? parse(f[2]) : null;
        Integer runnable = f.length >= 4 && f[3].contains("/")
                ? Observability.parseIntOrNull(f[3].substring(0, f[3].indexOf('/'))) : null;
        String dir = "sys/devices/system/cpu/cpu0/cpufreq/";
        String governor = sys.line(dir + "scaling_governor").orElse(Kernel.UNKNOWN);
        String driver = sys.line(dir + "scaling_driver").orElse(Kernel.UNKNOWN);
        if (governor.equals(Kernel.UNKNOWN)) {
            sys.note("cpufreq governor", sys.exists(dir) ? sys.whyUnreadable(dir + "scaling_governor")
                    : "no /" + dir + " (no cpufreq driver: usual in VMs and sandboxes, where the host sets the frequency)");
        }
        return new CpuLoad(l1, l5, l15, runnable, governor, driver);
    }

    private static Double parse(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
