package dev.syscost.batch.amortize;

import dev.syscost.bench.Stats;
import dev.syscost.sys.IoUring;
import dev.syscost.sys.NativeException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * io_uring write operations, N per submission: each batch is queued as N SQEs and handed to the
 * kernel with one io_uring_enter per queue-depth's worth (or, with SQPOLL, picked up by the kernel's
 * polling thread with no enter at all while it is awake). Compared with one write(2) per record.
 */
final class IoUringBench {
    static final long RECORD_BYTES = 64;
    /** Submission queue entries: also the most SQEs one enter submits. */
    static final int QUEUE_DEPTH = 256;

    private IoUringBench() {}

    /** One repetition: a batch of {@code n} writes, submitted a queue depth at a time, all reaped. */
    private record Batch(Target target, IoUring ring, MemorySegment buf, int n) implements Workload {
        @Override
        public void beforeTrial() {
            target.beforeTrial();
        }

        @Override
        public long run(long reps) {
            int fd = target.fd();
            long offset = target.kind() == TargetKind.FILE ? -1 : 0; // -1: the file position, as write(2)
            long total = 0;
            for (long r = 0; r < reps; r++) {
                for (int done = 0; done < n; ) {
                    int k = Math.min(ring.entries(), n - done);
                    for (int i = 0; i < k; i++) {
                        ring.prepareWrite(fd, buf, (int) RECORD_BYTES, offset, i);
                    }
                    long bytes = ring.submitAndWait(k);
                    if (bytes != k * RECORD_BYTES) {
                        return -1;
                    }
                    total += bytes;
                    done += k;
                }
            }
            target.wrote(total);
            return total;
        }

        @Override
        public long maxReps() {
            return Math.max(1, target.maxBytesPerTrial() / (RECORD_BYTES * n));
        }
    }

    /** The io_uring section, or one marked unavailable with the kernel's reason. */
    static BatchSection run(Target target, boolean sqpoll, List<Integer> batches, Budget budget, EntryCount entries,
            Runnable step) {
        String name = sqpoll ? "io_uring_sqpoll" : "io_uring";
        IoUring ring;
        try {
            ring = IoUring.open(QUEUE_DEPTH, sqpoll);
        } catch (NativeException e) {
            batches.forEach(b -> step.run());
            return BatchSection.unavailable(name, target.kind().id(), RECORD_BYTES, e.getMessage());
        }
        List<BatchPoint> points = new ArrayList<>();
        try (ring; Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(RECORD_BYTES, 64);
            buf.fill((byte) 'r');
            for (int n : batches) {
                step.run();
                points.add(point(name, new Batch(target, ring, buf, n), ring, budget, entries));
            }
        }
        target.beforeTrial();
        return new BatchSection(name, target.kind().id(), RECORD_BYTES, true, null, entries.note(), points);
    }

    private static BatchPoint point(String api, Batch w, IoUring ring, Budget budget, EntryCount entries) {
        Trials.Timing t = Trials.measure(w, budget, api + " x" + w.n());
        Stats.Summary s = t.nsPerRep();
        long reps = Math.clamp(t.repsPerTrial(), 1, Math.max(1, 4096 / w.n()));
        long entersBefore = ring.enters();
        Double perRep = entries.perRep(w, reps);
        if (perRep == null) { // perf refused: still count this ring's own enters, untimed
            w.beforeTrial();
            w.run(reps);
        }
        double entersPerOp = (double) (ring.enters() - entersBefore) / (reps * w.n());
        int n = w.n();
        return new BatchPoint(api, n, s.median() / n, s.p10() / n, s.p90() / n,
                perRep == null ? null : perRep / n, entersPerOp, null);
    }
}
