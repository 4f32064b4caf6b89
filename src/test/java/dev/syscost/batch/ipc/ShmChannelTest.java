package dev.syscost.batch.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.syscost.sys.EventFd;
import dev.syscost.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The ring's wake-up protocol under stress: two threads in one process over a 4-slot ring, so the
 * writer keeps finding it full and the reader empty; a lost wake-up on an eventfd hangs, and the
 * timeout fails it. (A stress, not a proof: the race fixed in ShmChannel.send needs the writer to be
 * descheduled in a two-instruction window; `syscost ipc --quick --transports shm_eventfd --sizes 64
 * --trials 100` hit it in 9 runs of 15 before the fix, 0 of 8 after.)
 */
class ShmChannelTest {
    @Test
    void shouldStreamThroughAFullRingWithoutLosingAWakeUp() {
        ShmLayout layout = new ShmLayout(64, 4);
        int[] fds = {EventFd.create(), EventFd.create(), EventFd.create(), EventFd.create()};
        Arena arena = Arena.ofShared();
        MemorySegment map = arena.allocate(layout.fileBytes(), 4096);
        ShmChannel writer = new ShmChannel("test", map, layout, layout.parentToChild(), layout.childToParent(),
                bells(fds[0], fds[1], fds[2], fds[3]), () -> { });
        ShmChannel reader = new ShmChannel("test", map, layout, layout.childToParent(), layout.parentToChild(),
                bells(fds[2], fds[3], fds[0], fds[1]), () -> { });
        long messages = 200_000;
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> drain(reader, messages));
                try (Arena local = Arena.ofConfined()) {
                    MessagePattern pattern = new MessagePattern(local, 64);
                    for (long seq = 0; seq < messages; seq++) {
                        writer.send(pattern.message(seq));
                    }
                }
                assertThat(received.join()).isEqualTo(messages);
            });
        } finally {
            writer.abort();
            reader.abort();
            for (int fd : fds) {
                Libc.close(fd);
            }
        }
    }

    private static long drain(ShmChannel reader, long messages) {
        try (Arena local = Arena.ofConfined()) {
            MessagePattern pattern = new MessagePattern(local, 64);
            MemorySegment in = local.allocate(64);
            for (long seq = 0; seq < messages; seq++) {
                reader.receive(in);
                if (!pattern.matches(in, seq)) {
                    throw new AssertionError(pattern.describeMismatch(in, seq));
                }
            }
            return messages;
        }
    }

    private static Doorbell[] bells(int txData, int txSpace, int rxData, int rxSpace) {
        return new Doorbell[] {new Doorbell.OnEventFd(txData), new Doorbell.OnEventFd(txSpace),
            new Doorbell.OnEventFd(rxData), new Doorbell.OnEventFd(rxSpace)};
    }
}
