package dev.syscost.batch.ipc;

import dev.syscost.SyscostException;
import dev.syscost.sys.EventFd;
import dev.syscost.sys.Fifo;
import dev.syscost.sys.Libc;
import dev.syscost.sys.Sockets;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the two processes meet. Descriptors cannot be inherited by a child JVM, so each transport
 * meets through a named object in the run's temp dir: a FIFO pair, a UNIX socket path, a TCP port on
 * 127.0.0.1, or a shared file; eventfds, which cannot be reopened through /proc, are passed over a
 * UNIX socket with SCM_RIGHTS.
 *
 * <p>The parent {@link #offer}s; the child {@link #join}s and then says so on its control line; only
 * then does the parent {@link Offer#accept}, so the parent never blocks on a child that failed to come.
 */
final class Rendezvous {
    private Rendezvous() {}

    /** The parent's half of a channel being set up. */
    interface Offer extends AutoCloseable {
        /** What the child needs to join (paths, a port). */
        List<String> joinArgs();

        /** The parent's end, once the child has joined. */
        Channel accept();

        /** Releases what only the meeting needed (listening sockets, names); the channel stays open. */
        @Override
        void close();
    }

    /** Prepares {@code transport} for messages of {@code sizeBytes} in {@code dir}. */
    static Offer offer(Transport transport, Path dir, int sizeBytes) {
        return switch (transport) {
            case PIPE -> offerPipe(dir);
            case UNIX_STREAM -> offerUnix(dir);
            case TCP_LOOPBACK -> offerTcp();
            case SHM_EVENTFD, SHM_FUTEX, SHM_SPIN -> ShmOffer.create(transport, dir, sizeBytes);
        };
    }

    /** The child's end; calls {@code joined} once the parent may {@link Offer#accept} without blocking. */
    static Channel join(Transport transport, List<String> args, int sizeBytes, Runnable joined) {
        Channel ch = switch (transport) {
            case PIPE -> joinPipe(args.get(0), args.get(1));
            case UNIX_STREAM -> {
                int fd = Sockets.connectUnix(args.get(0));
                yield new FdChannel("unix_stream", fd, fd);
            }
            case TCP_LOOPBACK -> {
                int fd = Sockets.connectTcpLoopback(Integer.parseInt(args.get(0)));
                yield new FdChannel("tcp_loopback", fd, fd);
            }
            case SHM_EVENTFD, SHM_FUTEX, SHM_SPIN -> ShmOffer.join(transport, args, sizeBytes, joined);
        };
        if (!transport.sharedMemory()) {
            joined.run();
        }
        return ch;
    }

    private static Offer offerPipe(Path dir) {
        String p2c = dir.resolve("pipe-to-child").toString();
        String c2p = dir.resolve("pipe-to-parent").toString();
        Fifo.create(p2c, 0600);
        Fifo.create(c2p, 0600);
        // Non-blocking opens: a FIFO open waits for the other end, and the child may never come.
        int readFd = Libc.openChecked(c2p, Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC, 0);
        return new Offer() {
            @Override
            public List<String> joinArgs() {
                return List.of(p2c, c2p);
            }

            @Override
            public Channel accept() {
                int writeFd = Libc.openChecked(p2c, Libc.O_WRONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC, 0);
                Fifo.setBlocking(writeFd);
                Fifo.setBlocking(readFd);
                return new FdChannel("pipe", readFd, writeFd);
            }

            @Override
            public void close() {
                deleteQuietly(Path.of(p2c));
                deleteQuietly(Path.of(c2p));
            }
        };
    }

    private static Channel joinPipe(String p2c, String c2p) {
        // O_RDWR: Linux opens a FIFO so without waiting, and the child's first read then waits for data
        // instead of seeing end-of-file because the parent has not opened its write end yet. The child
        // loses end-of-file on the parent's death, which it watches for separately.
        int readFd = Libc.openChecked(p2c, Libc.O_RDWR | Libc.O_CLOEXEC, 0);
        int writeFd = Libc.openChecked(c2p, Libc.O_WRONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC, 0);
        Fifo.setBlocking(writeFd);
        return new FdChannel("pipe", readFd, writeFd);
    }

    private static Offer offerUnix(Path dir) {
        Path path = dir.resolve("ipc.sock");
        int listenFd = Sockets.listenUnix(path.toString());
        return socketOffer("unix_stream", listenFd, List.of(path.toString()), path);
    }

    private static Offer offerTcp() {
        int listenFd = Sockets.listenTcpLoopback();
        return socketOffer("tcp_loopback", listenFd, List.of(Integer.toString(Sockets.localPort(listenFd))),
                null);
    }

    private static Offer socketOffer(String name, int listenFd, List<String> args, Path path) {
        return new Offer() {
            @Override
            public List<String> joinArgs() {
                return args;
            }

            @Override
            public Channel accept() {
                int fd = Sockets.accept(listenFd);
                if (path == null) {
                    Sockets.setTcpNoDelay(fd);
                }
                return new FdChannel(name, fd, fd);
            }

            @Override
            public void close() {
                Libc.close(listenFd);
                if (path != null) {
                    deleteQuietly(path);
                }
            }
        };
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // The run's temp dir is removed as a whole at the end.
        }
    }

    /** Shared-memory transports: one mapped file, and for eventfd a socket to pass the descriptors. */
    static final class ShmOffer implements Offer {
        private final Transport transport;
        private final Path file;
        private final ShmLayout layout;
        private final Arena arena;
        private final MemorySegment map;
        private final Path fdSocket;
        private final int listenFd;
        private final int[] eventFds;
        private boolean accepted;

        private ShmOffer(Transport transport, Path file, ShmLayout layout, Arena arena, MemorySegment map,
                Path fdSocket, int listenFd, int[] eventFds) {
            this.transport = transport;
            this.file = file;
            this.layout = layout;
            this.arena = arena;
            this.map = map;
            this.fdSocket = fdSocket;
            this.listenFd = listenFd;
            this.eventFds = eventFds;
        }

        static ShmOffer create(Transport transport, Path dir, int sizeBytes) {
            ShmLayout layout = ShmLayout.forMessage(sizeBytes);
            Path file = dir.resolve("shm-ring");
            Arena arena = Arena.ofShared();
            MemorySegment map = map(file, layout.fileBytes(), arena, true);
            if (transport != Transport.SHM_EVENTFD) {
                return new ShmOffer(transport, file, layout, arena, map, null, -1, null);
            }
            int[] fds = {EventFd.create(), EventFd.create(), EventFd.create(), EventFd.create()};
            Path sock = dir.resolve("eventfd.sock");
            return new ShmOffer(transport, file, layout, arena, map, sock, Sockets.listenUnix(sock.toString()),
                    fds);
        }

        @Override
        public List<String> joinArgs() {
            return List.of(file.toString(), fdSocket == null ? "-" : fdSocket.toString());
        }

        @Override
        public Channel accept() {
            if (eventFds != null) {
                int conn = Sockets.accept(listenFd);
                try {
                    Sockets.sendFds(conn, eventFds);
                } finally {
                    Libc.close(conn);
                }
            }
            Doorbell[] bells = bells(transport, map, layout.parentToChild(), layout.childToParent(), eventFds);
            accepted = true;
            return new ShmChannel(transport.id(), map, layout, layout.parentToChild(), layout.childToParent(), bells,
                    arena::close);
        }

        @Override
        public void close() {
            if (listenFd >= 0) {
                Libc.close(listenFd);
                deleteQuietly(fdSocket);
            }
            deleteQuietly(file);
            if (!accepted) {
                if (eventFds != null) {
                    for (int fd : eventFds) {
                        Libc.close(fd);
                    }
                }
                arena.close();
            }
        }

        static Channel join(Transport transport, List<String> args, int sizeBytes, Runnable joined) {
            ShmLayout layout = ShmLayout.forMessage(sizeBytes);
            Arena arena = Arena.ofShared();
            MemorySegment map = map(Path.of(args.get(0)), layout.fileBytes(), arena, false);
            int[] fds = null;
            if (transport == Transport.SHM_EVENTFD) {
                int sock = Sockets.connectUnix(args.get(1));
                joined.run();
                try {
                    int[] got = Sockets.receiveFds(sock, 4);
                    // The child's rings are the other way round: it writes child→parent.
                    fds = new int[] {got[2], got[3], got[0], got[1]};
                } finally {
                    Libc.close(sock);
                }
            } else {
                joined.run();
            }
            Doorbell[] bells = bells(transport, map, layout.childToParent(), layout.parentToChild(), fds);
            return new ShmChannel(transport.id(), map, layout, layout.childToParent(), layout.parentToChild(), bells,
                    arena::close);
        }

        /** {txData, txSpace, rxData, rxSpace} for a side that writes ring {@code tx} and reads ring {@code rx}. */
        private static Doorbell[] bells(Transport transport, MemorySegment map, long tx, long rx, int[] fds) {
            return switch (transport) {
                case SHM_SPIN -> new Doorbell[] {new Doorbell.Spin(), new Doorbell.Spin(), new Doorbell.Spin(),
                    new Doorbell.Spin()};
                case SHM_FUTEX -> new Doorbell[] {
                    new Doorbell.OnFutex(map.address() + tx + ShmChannel.HEAD),
                    new Doorbell.OnFutex(map.address() + tx + ShmChannel.TAIL),
                    new Doorbell.OnFutex(map.address() + rx + ShmChannel.HEAD),
                    new Doorbell.OnFutex(map.address() + rx + ShmChannel.TAIL)};
                case SHM_EVENTFD -> new Doorbell[] {new Doorbell.OnEventFd(fds[0]), new Doorbell.OnEventFd(fds[1]),
                    new Doorbell.OnEventFd(fds[2]), new Doorbell.OnEventFd(fds[3])};
                default -> throw new IllegalArgumentException(transport.id() + " is not a shared-memory transport");
            };
        }

        private static MemorySegment map(Path file, long bytes, Arena arena, boolean create) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                if (create) {
                    raf.setLength(bytes);
                } else if (raf.length() != bytes) {
                    throw new SyscostException(file + " is " + raf.length() + " bytes, expected " + bytes);
                }
                return raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot map " + file + ": " + e.getMessage()
                        + "; choose a writable local directory with --tmpdir", e);
            }
        }
    }
}
