package dev.syscost.report.top;

import dev.syscost.report.format.ChartOptions;
import dev.syscost.report.format.Section;
import dev.syscost.top.TopSnapshot;
import java.util.ArrayList;
import java.util.List;

/** A top snapshot in the HTML report: the busiest processes as bars, then the process and host tables. */
final class TopHtml {
    /** Bars beyond this many would be unreadable. */
    private static final int CHART_ROWS = 20;

    private TopHtml() {}

    static void render(TopSnapshot s, Section section) {
        TopScreen.header(s, TopScreen.Sort.RATE, TopScreen.ONCE).forEach(section::note);
        List<TopSnapshot.Process> rows = TopScreen.sorted(s, TopScreen.Sort.RATE);
        List<String> names = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        rows.stream().limit(CHART_ROWS).forEach(p -> {
            names.add(p.pid() + " " + p.comm());
            rates.add(p.syscallsPerSecond());
        });
        if (!names.isEmpty()) {
            section.chart("top-processes", "Syscalls per second by process (log scale)",
                    ChartOptions.horizontalLogBars(names, List.of(new ChartOptions.Series("syscalls/s", rates)), "syscalls/s"));
        }
        List<List<String>> table = new ArrayList<>();
        for (TopSnapshot.Process p : rows) {
            StringBuilder top = new StringBuilder();
            p.syscalls().stream().limit(3).forEach(c -> top.append(top.isEmpty() ? "" : ", ").append(c.name())
                    .append(' ').append(TopScreen.count(c.perSecond())));
            table.add(List.of(Integer.toString(p.pid()), p.comm() + (p.exited() ? " (exited)" : ""),
                    TopScreen.count(p.syscallsPerSecond()), TopScreen.percent(p.taxShare()),
                    TopScreen.percent(p.systemShare()), top.toString()));
        }
        section.table("Processes", List.of("pid", "comm", "syscalls/s", "tax % of a CPU", "% system", "top syscalls /s"), table);
        List<List<String>> host = new ArrayList<>();
        for (TopSnapshot.Syscall c : s.hostSyscalls()) {
            host.add(List.of(c.name(), TopScreen.count(c.perSecond()),
                    c.nsPerCall() == null ? "-" : TopScreen.count(c.nsPerCall()), TopScreen.percent(c.taxShare()),
                    c.nsPerCall() == null ? "no price" : c.floorPriced() ? "entry floor (lower bound)" : "its probe"));
        }
        section.table("Host syscalls", List.of("syscall", "per s", "ns/call", "tax % of a CPU", "priced by"), host);
    }
}
