package dev.syscost.report.amortize;

import dev.syscost.batch.AmortizeResult;
import dev.syscost.batch.amortize.BatchPoint;
import dev.syscost.batch.amortize.BatchSection;
import dev.syscost.batch.amortize.BreakEven;
import dev.syscost.batch.amortize.ChunkPoint;
import dev.syscost.batch.amortize.JavaApiPoint;
import dev.syscost.batch.amortize.SlopeFit;
import dev.syscost.batch.amortize.TargetSweep;
import dev.syscost.report.format.Printed;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The terminal tables of {@code syscost amortize}. */
public final class AmortizeText {
    private AmortizeText() {}

    /** The whole report as text. */
    public static String render(AmortizeResult r) {
        return Printed.of(out -> print(r, out));
    }

    /** Writes the whole report: environment, sweeps, break-even, batched interfaces, Java APIs, warnings. */
    public static void print(AmortizeResult r, PrintWriter out) {
        out.println("syscost amortize: what chunking and batching buy at the user/kernel boundary");
        r.env().summaryLines().forEach(l -> out.println("  " + l));
        out.println(f("  %s, %d trials of ~%.1f ms per point, medians with p10–p90; %.1f s",
                r.config().quick() ? "quick run (indicative, see the warnings)" : "full run", r.config().trials(), r.config().trialMs(),
                r.wallSeconds()));
        for (TargetSweep s : r.targets()) {
            printSweep(s, out);
        }
        if (!r.breakEven().isEmpty()) {
            printBreakEven(r.breakEven(), out);
        }
        for (BatchSection b : r.batched()) {
            printBatch(b, out);
        }
        if (r.javaApis() != null) {
            printJava(r, out);
        }
        if (!r.warnings().isEmpty()) {
            out.println();
            r.warnings().forEach(w -> out.println("warning: " + w));
        }
        out.flush();
    }

    private static void printSweep(TargetSweep s, PrintWriter out) {
        out.println();
        out.println(s.name() + " — " + s.description() + (s.verifiedBytes() > 0
                ? f("; %d bytes checked end to end", s.verifiedBytes()) : ""));
        out.println(f("%9s %11s %19s %10s %8s %12s %13s %9s", "chunk", "ns/call", "(p10–p90)", "ns/byte", "GB/s",
                "entries/call", "syscalls/MiB", "overhead"));
        for (ChunkPoint p : s.points()) {
            out.println(f("%9s %11s %19s %10s %8.3f %12s %13s %9s", size(p.chunkBytes()), ns(p.nsPerCall()),
                    "(" + ns(p.nsPerCallP10()) + "–" + ns(p.nsPerCallP90()) + ")", perByte(p.nsPerByte()),
                    p.gbPerSec(), opt(p.kernelEntriesPerCall(), "%.2f"), opt(p.syscallsPerMiB(), "%.0f"),
                    p.overheadShare() == null ? "—" : f("%.0f%%", 100 * p.overheadShare())));
        }
        SlopeFit fit = s.fit();
        if (fit != null) {
            out.println(f("  fit (least squares weighted 1/t², on %s): ns/call = %.1f + %.5f (±%.5f) ns/B × size, R² %.3f%s",
                    fit.fitChunkBytes().stream().map(AmortizeText::size).collect(Collectors.joining(", ")),
                    fit.interceptNs(), fit.slopeNsPerByte(), fit.slopeStdErrNsPerByte(), fit.r2(),
                    fit.perByteCostSignificant() ? "" : "; slope not distinguishable from 0"));
        }
    }

    private static void printBreakEven(Map<String, BreakEven> be, PrintWriter out) {
        out.println();
        out.println("Break-even: the chunk size from which per-call overhead is ≤ 50% and ≤ 5% of a call");
        out.println(f("%-11s %10s %10s %12s %12s  %s", "target", "≤ 50%", "≤ 5%", "fit ≤ 50%", "fit ≤ 5%", "note"));
        be.forEach((name, b) -> out.println(f("%-11s %10s %10s %12s %12s  %s", name, size(b.overheadLe50Bytes()),
                size(b.overheadLe5Bytes()), approx(b.fitLe50Bytes()), approx(b.fitLe5Bytes()), b.note())));
    }

    private static void printBatch(BatchSection b, PrintWriter out) {
        out.println();
        String title = switch (b.name()) {
            case "writev" -> "write vs writev";
            case "sendmmsg" -> "sendto vs sendmmsg";
            case "io_uring_sqpoll" -> "io_uring with SQPOLL (kernel polling thread)";
            default -> "io_uring (N writes per batch, queue depth 256)";
        };
        out.println(f("%s — %d B records to %s, per record", title, b.recordBytes(), b.target()));
        if (!b.available()) {
            out.println("  unavailable: " + b.unavailableReason());
            return;
        }
        boolean udp = b.name().equals("sendmmsg");
        String callsHeader = b.name().startsWith("io_uring") ? "enters/op" : "calls/op";
        out.println(f("%-16s %6s %11s %19s %12s %10s%s", "api", "batch", "ns/op", "(p10–p90)", "entries/op",
                callsHeader, udp ? "  delivered" : ""));
        for (BatchPoint p : b.points()) {
            out.println(f("%-16s %6d %11s %19s %12s %10s%s", p.api(), p.batch(), ns(p.nsPerOp()),
                    "(" + ns(p.nsPerOpP10()) + "–" + ns(p.nsPerOpP90()) + ")", opt(p.kernelEntriesPerOp(), "%.4f"),
                    opt(p.callsPerOp(), "%.4f"), udp ? f("  %9s", opt(pct(p.deliveredShare()), "%.1f%%")) : ""));
        }
        out.println("  " + b.kernelEntriesNote());
    }

    private static void printJava(AmortizeResult r, PrintWriter out) {
        out.println();
        out.println("Java APIs mapped to syscalls — records to a " + r.javaApis().target() + ", per record");
        out.println(f("%-28s %7s %11s %19s %9s %15s", "api", "record", "ns/record", "(p10–p90)", "MB/s",
                "entries/record"));
        for (JavaApiPoint p : r.javaApis().points()) {
            out.println(f("%-28s %7s %11s %19s %9.1f %15s", p.api(), size(p.recordBytes()), ns(p.nsPerRecord()),
                    "(" + ns(p.nsPerRecordP10()) + "–" + ns(p.nsPerRecordP90()) + ")", p.mbPerSec(),
                    opt(p.kernelEntriesPerRecord(), "%.5f")));
        }
        out.println("  " + r.javaApis().kernelEntriesNote());
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** 1 B, 4 KiB, 1 MiB; "—" for none. */
    static String size(Long bytes) {
        if (bytes == null) {
            return "—";
        }
        if (bytes >= 1 << 30 && bytes % (1 << 30) == 0) {
            return bytes / (1 << 30) + " GiB";
        }
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return bytes / (1 << 10) + " KiB";
        }
        return bytes + " B";
    }

    private static String size(long bytes) {
        return size(Long.valueOf(bytes));
    }

    private static String approx(Double bytes) {
        if (bytes == null) {
            return "—";
        }
        double b = bytes;
        return b >= 1 << 20 ? f("%.1f MiB", b / (1 << 20)) : b >= 1 << 10 ? f("%.1f KiB", b / 1024) : f("%.0f B", b);
    }

    private static String ns(double v) {
        return v >= 10_000 ? f("%.0f", v) : v >= 100 ? f("%.1f", v) : f("%.2f", v);
    }

    private static String perByte(double v) {
        return v >= 100 ? f("%.1f", v) : v >= 1 ? f("%.3f", v) : f("%.4f", v);
    }

    private static Double pct(Double share) {
        return share == null ? null : 100 * share;
    }

    private static String opt(Double v, String format) {
        return v == null ? "n/c" : f(format, v);
    }
}
