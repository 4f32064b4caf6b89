package dev.syscost.report.ipc;

import dev.syscost.batch.ipc.IpcResult;
import dev.syscost.batch.ipc.TransportResult;
import dev.syscost.report.format.Header;
import dev.syscost.report.format.Point;
import dev.syscost.report.format.RecordFormat;
import java.util.ArrayList;
import java.util.List;

/** {@code syscost.ipc/1}: messages between two processes, per transport and message size. */
public final class IpcFormat extends RecordFormat<IpcResult> {
    public IpcFormat() {
        super(IpcResult.class, IpcResult::schema, "IPC latency (syscost ipc)", List.of(IpcResult.SCHEMA),
                r -> Header.of(r.env(), r.warnings()), IpcText::render, IpcHtml::render);
    }

    /**
     * Per transport: its round-trip percentiles (the p50 with its spread across trials; the tail percentiles
     * come from one pooled histogram, so they have none) and its throughput with its spread across trials.
     */
    @Override
    public List<Point> points(IpcResult result) {
        List<Point> out = new ArrayList<>();
        List<TransportResult> transports = IpcHtml.transports(result);
        for (int i = 0; i < transports.size(); i++) {
            TransportResult t = transports.get(i);
            String name = IpcHtml.name(t, i);
            if (!t.available()) {
                out.add(Point.unavailable(name + " p50", "ns", t.unavailableReason() == null ? "" : t.unavailableReason()));
                continue;
            }
            for (IpcHtml.Percentile p : IpcHtml.PERCENTILES) {
                Long ns = p.ns().apply(t);
                if (ns != null) {
                    double rel = p.label().equals("p50") && t.p50TrialSpreadRel() != null ? t.p50TrialSpreadRel() : 0;
                    out.add(spread(name + " " + p.label(), "ns", ns, rel));
                }
            }
            if (t.throughputMBPerSec() != null) {
                double rel = t.throughputTrialSpreadRel() == null ? 0 : t.throughputTrialSpreadRel();
                out.add(spread(name + " throughput", "MB/s", t.throughputMBPerSec(), rel));
            }
        }
        return out;
    }

    /** A figure whose spread is {@code rel} of it, centred on it. */
    private static Point spread(String id, String unit, double v, double rel) {
        return Point.of(id, unit, v, v * (1 - rel / 2), v * (1 + rel / 2));
    }
}
