package dev.syscost.batch.amortize;

import dev.syscost.SyscostException;
import dev.syscost.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run's measuring context: the trial budget, the kernel-entry counter (opened on the measuring
 * thread), the progress line, and the targets opened and closed around each part.
 */
public final class Measurements implements AutoCloseable {
    /** p10–p90 spread, as a share of the median, above which a point is flagged as noisy. */
    static final double WIDE_SPREAD = 0.25;

    private final Budget budget;
    private final EntryCount entries;
    private final Progress progress;
    private final int totalSteps;
    private int step;
    private String label = "";

    private Measurements(Budget budget, EntryCount entries, Progress progress, int totalSteps) {
        this.budget = budget;
        this.entries = entries;
        this.progress = progress;
        this.totalSteps = totalSteps;
    }

    public static Measurements open(boolean quick, int trials, int totalSteps, Progress progress) {
        Budget base = quick ? Budget.QUICK : Budget.DEFAULT;
        return new Measurements(new Budget(trials, base.trialNs(), base.warmupNs()), EntryCount.open(), progress, totalSteps);
    }

    public double trialMs() {
        return budget.trialNs() / 1e6;
    }

    /** Advances the progress line; stops the run if the thread was interrupted. */
    private void step(String detail) {
        if (Thread.interrupted()) {
            throw new SyscostException("interrupted; the temp files and reader threads were removed");
        }
        progress.step(++step, totalSteps, label, detail);
    }

    public TargetSweep sweep(TargetKind kind, List<Long> sizes, Path scratch) {
        label = "sweep " + kind.id();
        int[] i = {0};
        try (Target target = Target.open(kind, scratch)) {
            return ChunkSweep.run(target, sizes, budget, entries, () -> step(sizes.get(i[0]++) + " B chunks"));
        }
    }

    public BreakEven breakEven(TargetSweep sweep) {
        return BreakEven.of(sweep.points(), sweep.fit());
    }

    public BatchSection writev(TargetKind kind, List<Integer> batches, Path scratch) {
        label = "write vs writev";
        try (Target target = Target.open(kind, scratch)) {
            return WritevBench.run(target, batches, budget, entries, () -> step(kind.id()));
        }
    }

    public BatchSection sendmmsg(List<Integer> batches) {
        label = "sendto vs sendmmsg";
        return SendmmsgBench.run(batches, budget, entries, () -> step("udp 127.0.0.1"));
    }

    public BatchSection ioUring(TargetKind kind, boolean sqpoll, List<Integer> batches, Path scratch) {
        label = sqpoll ? "io_uring SQPOLL" : "io_uring";
        try (Target target = Target.open(kind, scratch)) {
            return IoUringBench.run(target, sqpoll, batches, budget, entries, () -> step(kind.id()));
        }
    }

    public JavaApiSection javaApis(Path scratch) {
        label = "Java APIs";
        return JavaApiBench.run(scratch, budget, entries, () -> step("page-cache file"));
    }

    /** Warnings about the numbers: noisy points, what was not counted, dropped datagrams. */
    public List<String> warnings(List<TargetSweep> sweeps, List<BatchSection> batched, JavaApiSection java) {
        List<String> w = new ArrayList<>();
        int noisy = 0, total = 0;
        List<String> lossy = new ArrayList<>();
        for (TargetSweep s : sweeps) {
            for (ChunkPoint p : s.points()) {
                total++;
                noisy += spread(p.nsPerCallP10(), p.nsPerCallP90(), p.nsPerCall()) ? 1 : 0;
            }
        }
        for (BatchSection b : batched) {
            if (!b.available()) {
                w.add(b.name() + " unavailable: " + b.unavailableReason());
            }
            for (BatchPoint p : b.points()) {
                total++;
                noisy += spread(p.nsPerOpP10(), p.nsPerOpP90(), p.nsPerOp()) ? 1 : 0;
                if (p.deliveredShare() != null && p.deliveredShare() < 0.99) {
                    lossy.add(String.format(Locale.ROOT, "%s x%d %.0f%%", p.api(), p.batch(), 100 * p.deliveredShare()));
                }
            }
        }
        if (!lossy.isEmpty()) {
            w.add("UDP datagrams dropped (receive buffer overflowed; the receiver did not keep up): received "
                    + String.join(", ", lossy) + "; a dropped datagram costs the sender less");
        }
        if (java != null) {
            for (JavaApiPoint p : java.points()) {
                total++;
                noisy += spread(p.nsPerRecordP10(), p.nsPerRecordP90(), p.nsPerRecord()) ? 1 : 0;
            }
        }
        if (noisy > 0) {
            w.add(String.format(Locale.ROOT, "%d of %d points have a p10–p90 spread above %.0f%% of the median:"
                    + " the machine was busy; rerun on a quieter machine or raise --trials", noisy, total,
                    100 * WIDE_SPREAD));
        }
        if (!entries.available()) {
            w.add("kernel entries " + entries.note());
        }
        return w;
    }

    private static boolean spread(double p10, double p90, double median) {
        return median > 0 && (p90 - p10) / median > WIDE_SPREAD;
    }

    @Override
    public void close() {
        entries.close();
    }
}
