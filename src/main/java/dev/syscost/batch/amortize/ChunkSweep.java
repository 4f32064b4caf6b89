package dev.syscost.batch.amortize;

import dev.syscost.bench.Stats;
import dev.syscost.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** Sweeps write(2) chunk sizes on one target and fits the per-byte slope. */
final class ChunkSweep {
    private static final double MIB = 1 << 20;

    private ChunkSweep() {}

    /** write(fd, buf, size) {@code reps} times: the timed loop, nothing else in it (also writev's baseline). */
    record WriteLoop(Target target, MemorySegment buf, long size) implements Workload {
        @Override
        public void beforeTrial() {
            target.beforeTrial();
        }

        @Override
        public long run(long reps) {
            int fd = target.fd();
            long total = 0;
            for (long i = 0; i < reps; i++) {
                long n = Libc.write(fd, buf, size);
                if (n < 0) {
                    target.wrote(total);
                    return -1;
                }
                total += n;
            }
            target.wrote(total);
            return total;
        }

        @Override
        public long maxReps() {
            return Math.max(1, target.maxBytesPerTrial() / size);
        }
    }

    /** Measures every size on {@code target}; {@code step} is told before each point. */
    static TargetSweep run(Target target, List<Long> sizes, Budget budget, EntryCount entries, Runnable step) {
        long verified = target.verify();
        long maxSize = sizes.stream().mapToLong(Long::longValue).max().orElse(1);
        List<ChunkPoint> raw = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(maxSize, 4096);
            buf.fill((byte) 'x');
            for (long size : sizes) {
                step.run();
                raw.add(point(new WriteLoop(target, buf.asSlice(0, size), size), budget, entries, target));
            }
        }
        target.beforeTrial(); // the reader has everything: the byte count matched to the last byte
        SlopeFit fit = SlopeFit.of(raw);
        List<ChunkPoint> points = raw.stream().map(p -> p.withOverhead(fit)).toList();
        return new TargetSweep(target.kind().id(), target.kind().description(), verified, points, fit);
    }

    private static ChunkPoint point(WriteLoop loop, Budget budget, EntryCount entries, Target target) {
        Trials.Timing t = Trials.measure(loop, budget, target.kind().id() + " " + loop.size() + " B");
        Stats.Summary s = t.nsPerRep();
        Double perCall = entries.perRep(loop, Math.clamp(t.repsPerTrial(), 1, 2048));
        double callsPerMiB = MIB / loop.size();
        return new ChunkPoint(loop.size(), t.repsPerTrial(), s.n(), s.median(), s.p10(), s.p90(),
                s.median() / loop.size(), loop.size() / s.median(), callsPerMiB, perCall,
                perCall == null ? null : perCall * callsPerMiB, null);
    }
}
