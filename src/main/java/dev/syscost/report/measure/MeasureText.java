package dev.syscost.report.measure;

import dev.syscost.bench.Decomposition;
import dev.syscost.bench.MeasureResult;
import dev.syscost.bench.ProbeResult;
import dev.syscost.report.format.TextTable;
import java.util.Locale;

/** The terminal report of {@code syscost measure}: header, ladder, decomposition, warnings. */
public final class MeasureText {
    private static final int BAR_WIDTH = 24;

    private MeasureText() {}

    /** The whole report of {@code r}. */
    public static String render(MeasureResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("syscost ").append(r.tool().version()).append(" — the cost of crossing the user/kernel boundary here\n");
        r.env().summaryLines().forEach(l -> sb.append("  ").append(l).append('\n'));
        int forks = r.forks() == null ? 1 : Math.max(1, r.forks().size());
        sb.append("  ").append(fmt("%d trials per probe%s%s; %s", r.probes().stream().filter(ProbeResult::available)
                        .mapToInt(ProbeResult::trials).max().orElse(r.config().trials()),
                forks > 1 ? fmt(" in %d fresh JVMs", forks) : " in one JVM",
                r.config().quick() ? " (quick: coarse)" : "", r.pinning())).append('\n');
        sb.append('\n').append("The ladder (ns per call; median of per-trial means, p10–p90 and 95% CI of the median across trials)\n");
        if (r.probes().stream().anyMatch(p -> p.betweenForkSpreadNs() != null)) {
            sb.append("  (JVMs ±: half the range of the forks' medians, the variation between runs that compare allows for)\n");
        }
        sb.append(ladder(r));
        sb.append('\n').append(decomposition(r.decomposition()));
        if (!r.warnings().isEmpty()) {
            sb.append('\n').append("Warnings\n");
            r.warnings().forEach(w -> sb.append("  ! ").append(w).append('\n'));
        }
        sb.append('\n').append(fmt("Measured in %.1f s. `syscost env` explains this machine's boundary path.%n",
                r.tool().durationMs() / 1000.0));
        return sb.toString();
    }

    static String ladder(MeasureResult r) {
        double javaNs = r.probe("java_call").filter(ProbeResult::available).map(ProbeResult::medianNs).orElse(Double.NaN);
        double maxNs = r.probes().stream().filter(ProbeResult::available).mapToDouble(ProbeResult::medianNs)
                .max().orElse(1);
        boolean forked = r.probes().stream().anyMatch(p -> p.betweenForkSpreadNs() != null);
        TextTable t = forked
                ? new TextTable("probe", ">entries", ">median", ">p10–p90", ">95% CI", ">JVMs ±", ">× java_call", "log scale")
                : new TextTable("probe", ">entries", ">median", ">p10–p90", ">95% CI", ">× java_call", "log scale");
        for (ProbeResult p : r.probes()) {
            if (!p.available()) {
                if (forked) {
                    t.row(p.id(), entries(p), "—", "unavailable", "", "", "", shorten(p.unavailableReason(), 40));
                } else {
                    t.row(p.id(), entries(p), "—", "unavailable", "", "", shorten(p.unavailableReason(), 40));
                }
                continue;
            }
            String times = Double.isNaN(javaNs) ? "" : fmt("%.0f", p.medianNs() / javaNs);
            if (forked) {
                t.row(p.id(), entries(p), ns(p.medianNs()), ns(p.p10Ns()) + "–" + ns(p.p90Ns()),
                        ns(p.ci95Ns()[0]) + "–" + ns(p.ci95Ns()[1]),
                        p.betweenForkSpreadNs() == null ? "" : ns(p.betweenForkSpreadNs() / 2), times, bar(p.medianNs(), maxNs));
            } else {
                t.row(p.id(), entries(p), ns(p.medianNs()), ns(p.p10Ns()) + "–" + ns(p.p90Ns()),
                        ns(p.ci95Ns()[0]) + "–" + ns(p.ci95Ns()[1]), times, bar(p.medianNs(), maxNs));
            }
        }
        return t.render("  ");
    }

    private static String entries(ProbeResult p) {
        String declared = Integer.toString(p.kernelEntriesPerCall());
        if (p.kernelEntriesVerified() == null) {
            return declared;
        }
        return p.kernelEntriesVerified() ? declared + " ✓" : declared + fmt(" ✗%.2f", p.kernelEntriesMeasured());
    }

    static String decomposition(Decomposition d) {
        StringBuilder sb = new StringBuilder("Where the time goes (differences of medians; conservative 95% interval)\n");
        TextTable t = new TextTable("term", ">ns", ">95% interval", "formula");
        for (Decomposition.Term term : d.terms()) {
            if (term.physicallyNonNegative() && term.valueNs() < 0) {
                // A negative value of a term that cannot be negative is a failed measurement, not a figure.
                t.row(term.name(), "—", "", term.formula() + "  (" + (term.disturbed() ? "not resolved: measurement disturbed"
                        : "not resolved: interval spans 0") + ")");
                continue;
            }
            t.row(term.name(), ns(term.valueNs()), ns(term.ci95Ns()[0]) + " … " + ns(term.ci95Ns()[1]),
                    term.formula() + (term.resolved() ? "" : "  (interval spans 0: not resolved on this run)"));
        }
        sb.append(t.render("  "));
        d.terms().stream().filter(x -> x.name().equals("entry_exit_floor")).findFirst()
                .ifPresent(x -> sb.append("  entry/exit floor is measured ").append(x.note()).append('\n'));
        d.terms().stream().filter(x -> x.name().startsWith("work_") && x.resolved() && x.valueNs() < 0).findFirst()
                .ifPresent(x -> sb.append("  ").append(x.name().substring(5)).append(" measured cheaper than the invalid-number"
                        + " path: an unknown number takes a route of its own (e.g. the kernel's x32 check and"
                        + " sys_ni_syscall, libc's errno on return), so here the floor bounds the bare crossing from"
                        + " above, not exactly.\n"));
        if (d.getppidInJavaCalls() != null) {
            sb.append(fmt("  One getppid here costs %.0f Java calls", d.getppidInJavaCalls()));
            if (d.getppidInFfmDowncalls() != null) {
                sb.append(fmt(" (%.0f FFM downcalls)", d.getppidInFfmDowncalls()));
            }
            sb.append(".\n");
        }
        return sb.toString();
    }

    /** A compact ns figure: 3 significant digits. */
    public static String ns(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return fmt("%.0f", v);
        }
        if (a >= 10) {
            return fmt("%.1f", v);
        }
        return fmt("%.2f", v);
    }

    /** A bar whose length is log10 of the value relative to the largest (1 ns at the left edge). */
    static String bar(double v, double max) {
        double top = Math.log10(Math.max(10, max));
        int n = (int) Math.round(BAR_WIDTH * Math.max(0, Math.log10(Math.max(1, v))) / top);
        return "█".repeat(Math.max(1, Math.min(BAR_WIDTH, n)));
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? String.valueOf(s) : s.substring(0, max - 1) + "…";
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
