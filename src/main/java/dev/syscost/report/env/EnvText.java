package dev.syscost.report.env;

import dev.syscost.env.CommandLineSwitch;
import dev.syscost.env.Cpu;
import dev.syscost.env.Environment;
import dev.syscost.env.HardwareCounter;
import dev.syscost.env.Observability;
import dev.syscost.env.PageTableIsolation;
import dev.syscost.env.Timekeeping;
import dev.syscost.env.Virtualisation;
import dev.syscost.env.Vulnerability;
import dev.syscost.env.VulnerabilityStatus;
import dev.syscost.report.format.Printed;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The terminal report of {@code syscost env}: one section per part of the boundary path. */
public final class EnvText {
    private static final int WRAP = 100;

    private EnvText() {}

    /** The whole report as text. */
    public static String render(Environment env) {
        return Printed.of(out -> print(env, out));
    }

    /** Prints the whole report. */
    public static void print(Environment env, PrintWriter out) {
        machine(env, out);
        virtualisation(env.virtualisation(), out);
        mitigations(env, out);
        pageTables(env.pageTableIsolation(), out);
        time(env.timekeeping(), out);
        observability(env.observability(), out);
        unknowns(env.unknowns(), out);
        warnings(env.warnings(), out);
        out.flush();
    }

    private static void machine(Environment env, PrintWriter out) {
        section(out, "Machine");
        Cpu c = env.cpu();
        row(out, "kernel", env.kernel().release() + "  " + env.kernel().version());
        row(out, "cpu", c.modelName() + "  (" + c.vendor() + " family " + c.family() + " model " + c.model()
                + " stepping " + c.stepping() + (c.microcode().equals("unknown") ? "" : ", microcode " + c.microcode()) + ")");
        row(out, "cpus online", c.cpusOnline() + "  (SMT control: " + c.smtControl() + ")");
        row(out, "jdk", env.jdk().version() + "  " + env.jdk().vendor() + ", " + env.jdk().home());
        var l = env.load();
        row(out, "load average", l.loadAverage1m() == null ? "unknown"
                : String.format(Locale.ROOT, "%.2f %.2f %.2f  (1, 5, 15 min)", l.loadAverage1m(), l.loadAverage5m(),
                        l.loadAverage15m()));
        row(out, "cpufreq", "governor " + l.cpufreqGovernor() + ", driver " + l.cpufreqDriver());
    }

    private static void virtualisation(Virtualisation v, PrintWriter out) {
        section(out, "Virtualisation and sandbox");
        row(out, "hypervisor", v.hypervisor() + "  (cpuinfo hypervisor flag: "
                + (v.hypervisorFlag() == null ? "unknown" : v.hypervisorFlag() ? "yes" : "no") + ")");
        row(out, "DMI", v.dmiVendor() + " / " + v.dmiProduct());
        row(out, "sandbox", v.sandbox());
        row(out, "container", v.container().detected() ? v.container().runtime() : "none");
        row(out, "seccomp", (v.seccompMode() == null ? "unknown" : switch (v.seccompMode()) {
            case 0 -> "off (mode 0)";
            case 1 -> "strict (mode 1)";
            default -> "filter (mode " + v.seccompMode() + ")";
        }) + ", filters: " + (v.seccompFilters() == null ? "unknown" : v.seccompFilters()));
        for (String e : v.evidence()) {
            row(out, "evidence", e);
        }
        for (String e : v.container().evidence()) {
            row(out, "evidence", e);
        }
    }

    private static void mitigations(Environment env, PrintWriter out) {
        section(out, "CPU vulnerabilities and what their mitigations do on the syscall path");
        List<Vulnerability> vs = env.vulnerabilities();
        if (vs.isEmpty()) {
            out.println("  (none listed: no /sys/devices/system/cpu/vulnerabilities)");
        } else {
            out.printf(Locale.ROOT, "  %-27s %-13s %-8s %s%n", "vulnerability", "status", "on path?", "sysfs says");
            for (Vulnerability v : vs) {
                String onPath = v.onSyscallPath() == null ? "?" : v.onSyscallPath() ? "YES" : "no";
                out.printf(Locale.ROOT, "  %-27s %-13s %-8s %s%n", v.name(), v.status().label(), onPath, v.raw());
                if (v.status() != VulnerabilityStatus.NOT_AFFECTED) {
                    wrap(out, "      -> ", v.effect());
                }
            }
        }
        List<String> costs = env.syscallPathCosts();
        row(out, "on the path", costs.isEmpty() ? "no mitigation work on entry/exit" : String.join(", ", costs));
        for (CommandLineSwitch s : env.commandLineSwitches()) {
            row(out, "cmdline " + s.kind(), s.text());
            wrap(out, "      -> ", s.meaning());
        }
        if (env.commandLineSwitches().isEmpty()) {
            row(out, "cmdline", "no mitigation or timing switches (kernel defaults)");
        }
    }

    private static void pageTables(PageTableIsolation p, PrintWriter out) {
        section(out, "Page-table isolation");
        row(out, "PTI", p.active() == null ? "unknown" : p.active() ? "active" : "off");
        row(out, "PCID", p.pcid() ? "yes" : "no" + (Boolean.TRUE.equals(p.active()) ? "  (every entry/exit flushes the TLB)" : ""));
        row(out, "INVPCID", p.invpcid() ? "yes" : "no");
        wrap(out, "      -> ", p.effect());
    }

    private static void time(Timekeeping t, PrintWriter out) {
        section(out, "vDSO and clocksource");
        row(out, "vDSO", t.vdsoPresent() == null ? "unknown" : t.vdsoPresent() ? "mapped at " + t.vdsoAddress() : "not mapped");
        row(out, "clocksource", t.clocksource() + (t.availableClocksources().isEmpty() ? ""
                : "  (available: " + String.join(" ", t.availableClocksources()) + ")"));
        wrap(out, "      -> ", t.effect());
    }

    private static void observability(Observability o, PrintWriter out) {
        section(out, "Observability");
        row(out, "perf_event_paranoid", o.perfEventParanoid() == null ? "unknown"
                : o.perfEventParanoid() + "  (" + o.perfEventParanoidMeaning() + ")");
        row(out, "tracefs", o.tracefsReadable() ? "events readable at " + o.tracefsPath() : "not readable");
        row(out, "privileges", "euid " + (o.effectiveUid() == null ? "unknown" : o.effectiveUid())
                + (o.root() ? " (root)" : "") + ", CAP_PERFMON " + (o.capPerfmon() ? "yes" : "no")
                + ", CAP_SYS_ADMIN " + (o.capSysAdmin() ? "yes" : "no"));
        row(out, "perf PMUs", o.perfPmus().isEmpty() ? "none registered" : String.join(" ", o.perfPmus()));
        HardwareCounter hc = o.hardwareCounter();
        row(out, "hardware counters", hc.opened() ? "available (" + hc.reason() + ")"
                : "unavailable: " + hc.reason() + (hc.errno().isEmpty() ? "" : " (" + hc.errno() + ")"));
        if (!hc.opened() && !hc.fix().isEmpty()) {
            wrap(out, "      to enable: ", hc.fix());
        }
    }

    private static void unknowns(List<String> unknowns, PrintWriter out) {
        if (!unknowns.isEmpty()) {
            section(out, "Not detected");
            unknowns.forEach(u -> wrap(out, "  ", u));
        }
    }

    private static void warnings(List<String> warnings, PrintWriter out) {
        section(out, "Warnings");
        if (warnings.isEmpty()) {
            out.println("  none");
        }
        warnings.forEach(w -> wrap(out, "  WARNING: ", w));
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println(title);
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "  %-20s %s%n", label, value);
    }

    /** Prints {@code text} after {@code prefix}, wrapped at {@value #WRAP} columns with a hanging indent. */
    private static void wrap(PrintWriter out, String prefix, String text) {
        String indent = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > WRAP && line.length() > prefix.length()) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            }
            line.append(word).append(' ');
        }
        out.println(line.toString().stripTrailing());
    }
}
