package dev.syscost.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IPC bindings against the real kernel: sockets, SCM_RIGHTS (and so the msghdr layout), futex, FIFOs. */
class IpcBindingsTest {
    @TempDir
    Path temp;

    @Test
    void shouldPassAnEventFdOverAUnixSocket() {
        String path = temp.resolve("s.sock").toString();
        int listen = Sockets.listenUnix(path);
        int client = Sockets.connectUnix(path);
        int server = Sockets.accept(listen);
        int efd = EventFd.create();
        try (Arena arena = Arena.ofConfined()) {
            Sockets.sendFds(server, new int[] {efd, efd});
            int[] got = Sockets.receiveFds(client, 2);
            assertThat(got).hasSize(2).doesNotContain(efd);
            MemorySegment v = arena.allocate(8);
            v.set(ValueLayout.JAVA_LONG, 0, 41);
            assertThat(Libc.write(efd, v, 8)).isEqualTo(8);
            v.set(ValueLayout.JAVA_LONG, 0, 1);
            assertThat(Libc.write(got[1], v, 8)).isEqualTo(8);
            assertThat(Libc.read(got[0], v, 8)).isEqualTo(8);
            assertThat(v.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(42); // one counter behind three descriptors
            Libc.close(got[0]);
            Libc.close(got[1]);
        } finally {
            Libc.close(efd);
            Libc.close(server);
            Libc.close(client);
            Libc.close(listen);
        }
    }

    @Test
    void shouldConnectOverTcpLoopback() {
        int listen = Sockets.listenTcpLoopback();
        int port = Sockets.localPort(listen);
        assertThat(port).isBetween(1, 65535);
        int client = Sockets.connectTcpLoopback(port);
        int server = Sockets.accept(listen);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocateFrom("ping");
            assertThat(Libc.write(client, b, 4)).isEqualTo(4);
            MemorySegment r = arena.allocate(5);
            assertThat(Libc.read(server, r, 4)).isEqualTo(4);
            assertThat(r.getString(0)).isEqualTo("ping");
        } finally {
            Libc.close(server);
            Libc.close(client);
            Libc.close(listen);
        }
    }

    @Test
    void shouldRefuseAUnixPathTooLongWithTheFix() {
        String path = temp.resolve("x".repeat(120)).toString();
        assertThatThrownBy(() -> Sockets.listenUnix(path)).isInstanceOf(NativeException.class)
                .hasMessageContaining("choose a shorter --tmpdir");
    }

    @Test
    void shouldReturnAtOnceWhenTheFutexWordHasChangedAndTimeOutOtherwise() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment word = arena.allocate(4, 4);
            word.set(ValueLayout.JAVA_INT, 0, 7);
            MemorySegment timeout = arena.allocate(16, 8);
            timeout.set(ValueLayout.JAVA_LONG, 8, 20_000_000L);
            assertThat(Futex.await(word.address(), 6, timeout)).isEqualTo(-1); // EAGAIN: not 6
            long t0 = System.nanoTime();
            assertThat(Futex.await(word.address(), 7, timeout)).isEqualTo(-1); // ETIMEDOUT
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(15_000_000L);
            assertThat(Futex.wake(word.address(), 1)).isZero();
        }
    }

    @Test
    void shouldMakeAFifoAndOpenItWithoutBlocking() {
        String path = temp.resolve("f").toString();
        Fifo.create(path, 0600);
        assertThat(Files.exists(Path.of(path))).isTrue();
        int r = Libc.openChecked(path, Libc.O_RDONLY | Libc.O_NONBLOCK, 0);
        int w = Libc.openChecked(path, Libc.O_WRONLY | Libc.O_NONBLOCK, 0);
        Fifo.setBlocking(r);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocate(1);
            assertThat(Libc.write(w, b, 1)).isEqualTo(1);
            assertThat(Libc.read(r, b, 1)).isEqualTo(1);
        } finally {
            Libc.close(r);
            Libc.close(w);
        }
        assertThatThrownBy(() -> Fifo.create(path, 0600)).isInstanceOf(NativeException.class).hasMessageContaining("EEXIST");
    }
}
