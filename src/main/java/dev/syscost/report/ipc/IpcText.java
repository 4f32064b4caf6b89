package dev.syscost.report.ipc;

import dev.syscost.batch.ipc.IpcResult;
import dev.syscost.batch.ipc.TransportResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal table of {@code syscost ipc}. */
public final class IpcText {
    private static final String ROW = "%-13s %7s %9s %9s %9s  %11s %9s  %11s %11s";

    private IpcText() {}

    /** The whole report with the environment the result was measured in. */
    public static String render(IpcResult r) {
        return render(r, r.env() == null ? List.of() : r.env().summaryLines());
    }

    /** The whole report: header, environment, table, method notes and warnings. */
    public static String render(IpcResult r, List<String> envLines) {
        StringBuilder sb = new StringBuilder();
        sb.append("syscost ipc: messages between two processes").append(r.quick() ? " (quick: indicative, see the warnings)" : "")
                .append('\n');
        envLines.forEach(l -> sb.append("  ").append(l).append('\n'));
        sb.append("  placement: ").append(placementLine(r)).append('\n');
        sb.append(String.format(Locale.ROOT, "  %d trials of up to %d messages or %d ms each, after a warm-up\n\n",
                r.trials(), r.messagesPerTrial(), r.trialBudgetMs()));
        row(sb, "", "", "round trip", "", "", "one-way", "", "kernel entries", "");
        row(sb, "transport", "size", "p50", "p99", "p99.9", "msgs/s", "MB/s",
                "/message", "/round trip");
        List<String> unavailable = new ArrayList<>();
        for (TransportResult t : r.transports()) {
            if (!t.available()) {
                row(sb, t.name(), bytes(t.messageBytes()), "unavailable", "", "",
                        "", "", "", "");
                unavailable.add(t.name() + " " + bytes(t.messageBytes()) + ": " + t.unavailableReason());
                continue;
            }
            row(sb, t.name(), bytes(t.messageBytes()), ns(t.p50Ns()),
                    ns(t.p99Ns()), ns(t.p999Ns()), rate(t.throughputMsgsPerSec()), mb(t.throughputMBPerSec()),
                    entries(t.kernelEntriesPerMessage()), entries(t.kernelEntriesPerRoundTrip()));
        }
        sb.append('\n');
        unavailable.forEach(u -> sb.append("unavailable: ").append(u).append('\n'));
        sb.append("Latency: ").append(r.latencyMethod()).append('\n');
        sb.append("Throughput: ").append(r.throughputMethod()).append('\n');
        sb.append("Kernel entries: ").append(r.kernelEntriesMethod()).append('\n');
        r.warnings().forEach(w -> sb.append("WARNING: ").append(w).append('\n'));
        return sb.toString();
    }

    private static void row(StringBuilder sb, Object... cells) {
        sb.append(String.format(Locale.ROOT, ROW, cells).stripTrailing()).append('\n');
    }

    static String placementLine(IpcResult r) {
        return switch (r.placement()) {
            case "different-cores" -> "different cores (parent pinned to CPU " + r.parentCpu() + ", peer to CPU "
                    + r.childCpu() + ")";
            case "same-core" -> "same core (both pinned to CPU " + r.parentCpu() + ")";
            default -> "unpinned (the scheduler places both processes)";
        };
    }

    /** 812 ns, 8.12 µs, 14.2 µs, 142 µs, 1.23 ms: three significant digits, as HdrHistogram keeps. */
    static String ns(Long v) {
        if (v == null) {
            return "-";
        }
        if (v < 1_000) {
            return v + " ns";
        }
        if (v < 1_000_000) {
            return String.format(Locale.ROOT, v < 10_000 ? "%.2f µs" : v < 100_000 ? "%.1f µs" : "%.0f µs", v / 1e3);
        }
        return String.format(Locale.ROOT, v < 10_000_000 ? "%.2f ms" : v < 100_000_000 ? "%.1f ms" : "%.0f ms",
                v / 1e6);
    }

    static String bytes(int b) {
        if (b >= 1 << 20 && b % (1 << 20) == 0) {
            return (b >> 20) + " MiB";
        }
        return b >= 1024 && b % 1024 == 0 ? (b >> 10) + " KiB" : b + " B";
    }

    static String rate(Double v) {
        if (v == null) {
            return "-";
        }
        return v >= 1e6 ? String.format(Locale.ROOT, "%.2f M", v / 1e6) : String.format(Locale.ROOT, "%.0f k", v / 1e3);
    }

    static String mb(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    static String entries(Double v) {
        return v == null ? "not counted" : String.format(Locale.ROOT, "%.2f", v);
    }
}
