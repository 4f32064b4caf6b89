package dev.syscost.batch.amortize;

import dev.syscost.bench.Stats;
import dev.syscost.sys.Libc;
import dev.syscost.sys.Uio;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** k records written with k write(2) calls versus one writev(2) with k iovecs: the same bytes. */
final class WritevBench {
    static final long RECORD_BYTES = 64;

    private WritevBench() {}

    /** One writev of {@code k} iovecs per repetition. */
    private record Writev(Target target, MemorySegment iov, int k) implements Workload {
        @Override
        public void beforeTrial() {
            target.beforeTrial();
        }

        @Override
        public long run(long reps) {
            int fd = target.fd();
            long total = 0;
            for (long i = 0; i < reps; i++) {
                long n = Uio.writev(fd, iov, k);
                if (n < 0) {
                    return -1;
                }
                total += n;
            }
            target.wrote(total);
            return total;
        }

        @Override
        public long maxReps() {
            return Math.max(1, target.maxBytesPerTrial() / (RECORD_BYTES * k));
        }
    }

    static BatchSection run(Target target, List<Integer> batches, Budget budget, EntryCount entries, Runnable step) {
        List<BatchPoint> points = new ArrayList<>();
        int maxK = batches.stream().mapToInt(Integer::intValue).max().orElse(1);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(RECORD_BYTES * maxK, 64);
            data.fill((byte) 'v');
            MemorySegment iov = arena.allocate(Uio.IOVEC, maxK);
            for (int i = 0; i < maxK; i++) {
                Uio.setIovec(iov, i, data.asSlice(i * RECORD_BYTES, RECORD_BYTES), RECORD_BYTES);
            }
            step.run();
            points.add(point("write", 1, new ChunkSweep.WriteLoop(target, data.asSlice(0, RECORD_BYTES), RECORD_BYTES), budget, entries, 1.0));
            for (int k : batches) {
                step.run();
                points.add(point("writev", k, new Writev(target, iov, k), budget, entries, 1.0 / k));
            }
        }
        target.beforeTrial();
        return new BatchSection("writev", target.kind().id(), RECORD_BYTES, true, null, entries.note(), points);
    }

    private static BatchPoint point(String api, int k, Workload w, Budget budget, EntryCount entries, double callsPerOp) {
        Trials.Timing t = Trials.measure(w, budget, api + " x" + k);
        Stats.Summary s = t.nsPerRep();
        Double perRep = entries.perRep(w, Math.clamp(t.repsPerTrial(), 1, 2048));
        int opsPerRep = api.equals("write") ? 1 : k;
        return new BatchPoint(api, k, s.median() / opsPerRep, s.p10() / opsPerRep, s.p90() / opsPerRep,
                perRep == null ? null : perRep / opsPerRep, callsPerOp, null);
    }
}
