package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * The one socket binding: UNIX socketpairs and stream sockets at a path, TCP and UDP on 127.0.0.1 only,
 * sendto(2) and sendmmsg(2) with {@code struct mmsghdr} (amortize), and descriptor passing with
 * SCM_RIGHTS (ipc). Raw descriptors, for timing with {@link Libc#read}/{@link Libc#write}.
 */
public final class Sockets {
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_RCVTIMEO = 20;
    public static final int SO_RCVBUFFORCE = 33;
    public static final int IPPROTO_TCP = 6;
    public static final int TCP_NODELAY = 1;
    public static final int SHUT_RD = 0;
    public static final int SHUT_WR = 1;
    private static final int SCM_RIGHTS = 1;
    private static final int MSG_CMSG_CLOEXEC = 0x40000000;
    /** {@code sizeof(struct sockaddr_un)}; sun_path holds 107 bytes and a NUL. */
    private static final int SOCKADDR_UN_SIZE = 110;
    public static final int MAX_UNIX_PATH_BYTES = 107;
    /** {@code sizeof(struct cmsghdr)}: cmsg_len (8), cmsg_level (4), cmsg_type (4); data follows. */
    private static final long CMSG_HEADER = 16;
    /** 127.0.0.1 in host order. */
    public static final int INADDR_LOOPBACK = 0x7f000001;

    /** {@code struct sockaddr_in}: 16 bytes; port and address in network byte order. */
    public static final StructLayout SOCKADDR_IN = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin_family"),
            JAVA_SHORT.withName("sin_port"),
            JAVA_INT.withName("sin_addr"),
            MemoryLayout.paddingLayout(8));
    /** {@code struct msghdr}: 56 bytes on x86-64. */
    public static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"),
            JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"),
            MemoryLayout.paddingLayout(4));
    /** {@code struct mmsghdr}: a msghdr and the byte count the kernel fills in; 64 bytes. */
    public static final StructLayout MMSGHDR = MemoryLayout.structLayout(
            MSGHDR.withName("msg_hdr"),
            JAVA_INT.withName("msg_len"),
            MemoryLayout.paddingLayout(4));
    /** {@code UIO_MAXIOV}: the most messages one sendmmsg sends. */
    public static final int MMSG_MAX = 1024;

    private static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT.withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt NET_INT = JAVA_INT.withOrder(java.nio.ByteOrder.BIG_ENDIAN);

    private Sockets() {}

    // One holder per use, so a socketpair does not pay for resolving the TCP and UDP handles.
    private static final class Pair {
        static final MethodHandle SOCKETPAIR = Native.downcallErrno("socketpair",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    }

    /** The set-up calls; errno captured. */
    private static final class H {
        static final MethodHandle SOCKET = Native.downcallErrno("socket",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle BIND = Native.downcallErrno("bind",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle CONNECT = Native.downcallErrno("connect",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle LISTEN = Native.downcallErrno("listen",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle ACCEPT4 = Native.downcallErrno("accept4",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        static final MethodHandle GETSOCKNAME = Native.downcallErrno("getsockname",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle SETSOCKOPT = Native.downcallErrno("setsockopt",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SHUTDOWN = Native.downcallErrno("shutdown",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    private static final class Msg {
        static final MethodHandle SENDMSG = Native.downcallErrno("sendmsg",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle RECVMSG = Native.downcallErrno("recvmsg",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    }

    private static final class Send {
        static final MethodHandle SENDTO = Native.downcall("sendto",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SENDMMSG = Native.downcall("sendmmsg",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    }

    /** Runs a setup call whose first argument is the errno capture segment; throws on a negative result. */
    private static int checked(MethodHandle mh, String call, String hint, Object... args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            Object[] all = new Object[args.length + 1];
            all[0] = capture;
            System.arraycopy(args, 0, all, 1, args.length);
            long r = ((Number) mh.invokeWithArguments(all)).longValue();
            if (r < 0) {
                throw new NativeException(call, Native.errno(capture), hint);
            }
            return (int) r;
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code socketpair(AF_UNIX, type | SOCK_CLOEXEC)}: two connected descriptors. */
    public static int[] socketpair(int type) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            checked(Pair.SOCKETPAIR, "socketpair(AF_UNIX)", "raise the open-file limit (ulimit -n)",
                    AF_UNIX, type | SOCK_CLOEXEC, 0, fds);
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        }
    }

    /** {@code socket(AF_INET, type | SOCK_CLOEXEC, 0)}. */
    public static int socketInet(int type) {
        return checked(H.SOCKET, "socket(AF_INET)", null, AF_INET, type | SOCK_CLOEXEC, 0);
    }

    private static int streamSocket(int family) {
        return checked(H.SOCKET, family == AF_UNIX ? "socket(AF_UNIX)" : "socket(AF_INET)",
                "raise the open-file limit (ulimit -n), or a sandbox forbids sockets", family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    }

    /** A UNIX stream socket bound to {@code path} and listening. */
    public static int listenUnix(String path) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = streamSocket(AF_UNIX);
            checked(H.BIND, "bind(" + path + ")", "choose a writable local directory with --tmpdir", fd,
                    unixAddress(arena, path), SOCKADDR_UN_SIZE);
            listen(fd, 4);
            return fd;
        }
    }

    /** A UNIX stream socket connected to the listener at {@code path}. */
    public static int connectUnix(String path) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = streamSocket(AF_UNIX);
            checked(H.CONNECT, "connect(" + path + ")", null, fd, unixAddress(arena, path), SOCKADDR_UN_SIZE);
            return fd;
        }
    }

    /** A TCP socket listening on 127.0.0.1 at a port the kernel picks (see {@link #localPort}). */
    public static int listenTcpLoopback() {
        try (Arena arena = Arena.ofConfined()) {
            int fd = streamSocket(AF_INET);
            checked(H.BIND, "bind(127.0.0.1:0)", "is the loopback interface up? (`ip link set lo up`)", fd,
                    loopback(arena, 0), (int) SOCKADDR_IN.byteSize());
            listen(fd, 4);
            return fd;
        }
    }

    /** The port a TCP socket is bound to. */
    public static int localPort(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = arena.allocate(SOCKADDR_IN);
            checked(H.GETSOCKNAME, "getsockname", null, fd, sa, arena.allocateFrom(JAVA_INT, (int) SOCKADDR_IN.byteSize()));
            return Short.toUnsignedInt(sa.get(NET_SHORT, 2));
        }
    }

    /** A TCP socket connected to 127.0.0.1:{@code port}, with Nagle's algorithm off. */
    public static int connectTcpLoopback(int port) {
        int fd = streamSocket(AF_INET);
        connectLoopback(fd, port);
        setTcpNoDelay(fd);
        return fd;
    }

    /** Turns off Nagle's algorithm, so a small message leaves at once instead of waiting for an ACK. */
    public static void setTcpNoDelay(int fd) {
        setsockoptInt(fd, IPPROTO_TCP, TCP_NODELAY, 1);
    }

    private static MemorySegment unixAddress(Arena arena, String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_UNIX_PATH_BYTES) {
            throw new NativeException("bind/connect(" + path + ")", Errno.EINVAL,
                    "a UNIX socket path holds at most " + MAX_UNIX_PATH_BYTES + " bytes; choose a shorter --tmpdir");
        }
        MemorySegment addr = arena.allocate(SOCKADDR_UN_SIZE);
        addr.set(JAVA_SHORT, 0, (short) AF_UNIX);
        MemorySegment.copy(bytes, 0, addr, JAVA_BYTE, 2, bytes.length);
        return addr;
    }

    /** Fills a sockaddr_in for 127.0.0.1:{@code port}. */
    public static MemorySegment loopback(Arena arena, int port) {
        MemorySegment sa = arena.allocate(SOCKADDR_IN);
        sa.set(JAVA_SHORT, 0, (short) AF_INET);
        sa.set(NET_SHORT, 2, (short) port);
        sa.set(NET_INT, 4, INADDR_LOOPBACK);
        return sa;
    }

    /** Binds {@code fd} to 127.0.0.1 on an ephemeral port and returns the port. */
    public static int bindLoopback(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = loopback(arena, 0);
            checked(H.BIND, "bind(127.0.0.1:0)", null, fd, sa, (int) SOCKADDR_IN.byteSize());
            MemorySegment len = arena.allocateFrom(JAVA_INT, (int) SOCKADDR_IN.byteSize());
            checked(H.GETSOCKNAME, "getsockname", null, fd, sa, len);
            return Short.toUnsignedInt(sa.get(NET_SHORT, 2));
        }
    }

    public static void listen(int fd, int backlog) {
        checked(H.LISTEN, "listen", null, fd, backlog);
    }

    /** Connects {@code fd} to 127.0.0.1:{@code port}. */
    public static void connectLoopback(int fd, int port) {
        try (Arena arena = Arena.ofConfined()) {
            checked(H.CONNECT, "connect(127.0.0.1:" + port + ")", null, fd, loopback(arena, port),
                    (int) SOCKADDR_IN.byteSize());
        }
    }

    /** {@code accept4(fd, NULL, NULL, SOCK_CLOEXEC)}: one connection (blocking). */
    public static int accept(int fd) {
        return checked(H.ACCEPT4, "accept4", null, fd, MemorySegment.NULL, MemorySegment.NULL, SOCK_CLOEXEC);
    }

    /** {@code setsockopt(fd, level, name, &value, 4)}. */
    public static void setsockoptInt(int fd, int level, int name, int value) {
        try (Arena arena = Arena.ofConfined()) {
            checked(H.SETSOCKOPT, "setsockopt(" + level + ", " + name + ")", null, fd, level, name,
                    arena.allocateFrom(JAVA_INT, value), 4);
        }
    }

    /** Sets SO_RCVTIMEO, so a blocked receive returns (EAGAIN) at least every {@code millis}. */
    public static void setReceiveTimeout(int fd, long millis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tv = arena.allocate(16); // struct timeval
            tv.set(JAVA_LONG, 0, millis / 1000);
            tv.set(JAVA_LONG, 8, (millis % 1000) * 1000);
            checked(H.SETSOCKOPT, "setsockopt(SO_RCVTIMEO)", null, fd, SOL_SOCKET, SO_RCVTIMEO, tv, 16);
        }
    }

    public static void shutdown(int fd, int how) {
        checked(H.SHUTDOWN, "shutdown(" + fd + ")", null, fd, how);
    }

    /** {@code sendto(fd, buf, len, 0, addr, addrlen)} unchecked, for timed loops: bytes sent or -1. */
    public static long sendto(int fd, MemorySegment buf, long len, MemorySegment addr) {
        try {
            return (long) Send.SENDTO.invokeExact(fd, buf, len, 0, addr, (int) addr.byteSize());
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code sendmmsg(fd, msgvec, vlen, 0)} unchecked, for timed loops: messages sent or -1. */
    public static int sendmmsg(int fd, MemorySegment msgvec, int vlen) {
        try {
            return (int) Send.SENDMMSG.invokeExact(fd, msgvec, vlen, 0);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Fills mmsghdr {@code i} of {@code msgvec}: one iovec, destination {@code addr}. */
    public static void setMmsghdr(MemorySegment msgvec, int i, MemorySegment addr, MemorySegment iov) {
        long base = i * MMSGHDR.byteSize();
        msgvec.set(ADDRESS, base, addr);
        msgvec.set(JAVA_INT, base + 8, (int) addr.byteSize());
        msgvec.set(ADDRESS, base + 16, iov);
        msgvec.set(JAVA_LONG, base + 24, 1L);
        msgvec.set(ADDRESS, base + 32, MemorySegment.NULL);
        msgvec.set(JAVA_LONG, base + 40, 0L);
        msgvec.set(JAVA_INT, base + 48, 0);
    }

    /** Sends descriptors over a connected UNIX socket (SCM_RIGHTS) with one data byte. */
    public static void sendFds(int sock, int[] fds) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cmsg = arena.allocate(controlSize(fds.length), 8);
            cmsg.set(JAVA_LONG, 0, CMSG_HEADER + 4L * fds.length);
            cmsg.set(JAVA_INT, 8, SOL_SOCKET);
            cmsg.set(JAVA_INT, 12, SCM_RIGHTS);
            for (int i = 0; i < fds.length; i++) {
                cmsg.set(JAVA_INT, CMSG_HEADER + 4L * i, fds[i]);
            }
            checked(Msg.SENDMSG, "sendmsg(SCM_RIGHTS)", null, sock, message(arena, cmsg), 0);
        }
    }

    /** Receives {@code count} descriptors sent with {@link #sendFds}. */
    public static int[] receiveFds(int sock, int count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cmsg = arena.allocate(controlSize(count), 8);
            int n = checked(Msg.RECVMSG, "recvmsg(SCM_RIGHTS)", null, sock, message(arena, cmsg), MSG_CMSG_CLOEXEC);
            if (n != 1 || cmsg.get(JAVA_LONG, 0) != CMSG_HEADER + 4L * count || cmsg.get(JAVA_INT, 12) != SCM_RIGHTS) {
                throw new NativeException("recvmsg(SCM_RIGHTS): expected " + count + " descriptors", Errno.EINVAL, null);
            }
            int[] fds = new int[count];
            for (int i = 0; i < count; i++) {
                fds[i] = cmsg.get(JAVA_INT, CMSG_HEADER + 4L * i);
            }
            return fds;
        }
    }

    private static long controlSize(int fdCount) {
        return CMSG_HEADER + ((4L * fdCount + 7) & ~7L);
    }

    /** A msghdr with one 1-byte iovec and {@code control} as its ancillary data buffer. */
    private static MemorySegment message(Arena arena, MemorySegment control) {
        MemorySegment data = arena.allocateFrom(JAVA_BYTE, (byte) 'F');
        MemorySegment iov = arena.allocate(16, 8);
        iov.set(ADDRESS, 0, data);
        iov.set(JAVA_LONG, 8, 1);
        MemorySegment msg = arena.allocate(MSGHDR);
        msg.set(ADDRESS, MSGHDR.byteOffset(MemoryLayout.PathElement.groupElement("msg_iov")), iov);
        msg.set(JAVA_LONG, MSGHDR.byteOffset(MemoryLayout.PathElement.groupElement("msg_iovlen")), 1);
        msg.set(ADDRESS, MSGHDR.byteOffset(MemoryLayout.PathElement.groupElement("msg_control")), control);
        msg.set(JAVA_LONG, MSGHDR.byteOffset(MemoryLayout.PathElement.groupElement("msg_controllen")), control.byteSize());
        return msg;
    }
}
