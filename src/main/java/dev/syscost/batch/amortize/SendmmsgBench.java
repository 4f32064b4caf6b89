package dev.syscost.batch.amortize;

import dev.syscost.bench.Stats;
import dev.syscost.sys.Libc;
import dev.syscost.sys.Sockets;
import dev.syscost.sys.Uio;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** UDP datagrams to 127.0.0.1: one sendto(2) each versus sendmmsg(2) with k messages per call. */
final class SendmmsgBench {
    static final long DATAGRAM_BYTES = 64;

    private SendmmsgBench() {}

    private record SendtoEach(int fd, MemorySegment buf, MemorySegment addr) implements Workload {
        @Override
        public long run(long reps) {
            long sent = 0;
            for (long i = 0; i < reps; i++) {
                long n = Sockets.sendto(fd, buf, DATAGRAM_BYTES, addr);
                if (n < 0) {
                    return -1;
                }
                sent++;
            }
            return sent;
        }
    }

    private record Sendmmsg(int fd, MemorySegment msgvec, int k) implements Workload {
        @Override
        public long run(long reps) {
            long sent = 0;
            for (long i = 0; i < reps; i++) {
                int n = Sockets.sendmmsg(fd, msgvec, k);
                if (n != k) {
                    return -1;
                }
                sent += n;
            }
            return sent;
        }
    }

    static BatchSection run(List<Integer> batches, Budget budget, EntryCount entries, Runnable step) {
        List<BatchPoint> points = new ArrayList<>();
        int maxK = batches.stream().mapToInt(Integer::intValue).max().orElse(1);
        int fd = Sockets.socketInet(Sockets.SOCK_DGRAM);
        try (UdpReceiver receiver = new UdpReceiver(); Arena arena = Arena.ofConfined()) {
            MemorySegment addr = Sockets.loopback(arena, receiver.port());
            MemorySegment data = arena.allocate(DATAGRAM_BYTES * maxK, 64);
            data.fill((byte) 'u');
            MemorySegment iovs = arena.allocate(Uio.IOVEC, maxK);
            MemorySegment msgvec = arena.allocate(Sockets.MMSGHDR, maxK);
            for (int i = 0; i < maxK; i++) {
                Uio.setIovec(iovs, i, data.asSlice(i * DATAGRAM_BYTES, DATAGRAM_BYTES), DATAGRAM_BYTES);
                Sockets.setMmsghdr(msgvec, i, addr, iovs.asSlice(i * Uio.IOVEC.byteSize(), Uio.IOVEC.byteSize()));
            }
            step.run();
            points.add(point("sendto", 1, 1, new SendtoEach(fd, data.asSlice(0, DATAGRAM_BYTES), addr), budget,
                    entries, receiver));
            for (int k : batches) {
                step.run();
                points.add(point("sendmmsg", k, k, new Sendmmsg(fd, msgvec, k), budget, entries, receiver));
            }
        } finally {
            Libc.close(fd);
        }
        return new BatchSection("sendmmsg", "udp 127.0.0.1", DATAGRAM_BYTES, true, null, entries.note(), points);
    }

    private static BatchPoint point(String api, int k, int opsPerRep, Workload w, Budget budget, EntryCount entries,
            UdpReceiver receiver) {
        long dropsBefore = receiver.drops(); // the previous point settled before it returned
        long sentBefore = Trials.sink();
        Trials.Timing t = Trials.measure(w, budget, api + " x" + k);
        Stats.Summary s = t.nsPerRep();
        long countReps = Math.clamp(t.repsPerTrial(), 1, 2048);
        Double perRep = entries.perRep(w, countReps);
        long sent = Trials.sink() - sentBefore + (perRep == null ? 0 : countReps * opsPerRep);
        long dropsAfter = receiver.settledDrops();
        Double delivered = dropsBefore < 0 || dropsAfter < 0 || sent == 0 ? null
                : Math.clamp(1.0 - (double) (dropsAfter - dropsBefore) / sent, 0.0, 1.0);
        return new BatchPoint(api, k, s.median() / opsPerRep, s.p10() / opsPerRep, s.p90() / opsPerRep,
                perRep == null ? null : perRep / opsPerRep, 1.0 / k, delivered);
    }
}
