package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
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

/**
 * The BSD socket calls syscost's amortisation benchmarks need: UNIX socketpairs, TCP and UDP on
 * 127.0.0.1 only, sendto(2) and sendmmsg(2) with {@code struct mmsghdr}.
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

    /** The socket calls both this class and {@link StreamSockets} make; errno captured. */
    static final class H {
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
            int r = (int) mh.invokeWithArguments(all);
            if (r < 0) {
                throw new NativeException(call, Native.errno(capture), hint);
            }
            return r;
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

    /** {@code accept4(fd, NULL, NULL, SOCK_CLOEXEC)}. */
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
}
