package dev.syscost.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * Stream sockets as raw descriptors, for timing with {@link Libc#read}/{@link Libc#write}: UNIX-domain
 * sockets at a path, TCP on 127.0.0.1 only, and descriptor passing with SCM_RIGHTS.
 */
public final class StreamSockets {
    private static final int AF_UNIX = 1;
    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_NODELAY = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    /** {@code sizeof(struct sockaddr_un)}; sun_path holds 107 bytes and a NUL. */
    private static final int SOCKADDR_UN_SIZE = 110;
    public static final int MAX_UNIX_PATH_BYTES = 107;
    private static final int SOCKADDR_IN_SIZE = 16;
    private static final int LOOPBACK = 0x7f000001;
    /** {@code sizeof(struct msghdr)} on x86-64 and its field offsets. */
    private static final long MSGHDR_SIZE = 56;
    private static final long MSG_IOV = 16;
    private static final long MSG_IOVLEN = 24;
    private static final long MSG_CONTROL = 32;
    private static final long MSG_CONTROLLEN = 40;
    /** {@code sizeof(struct cmsghdr)}: cmsg_len (8), cmsg_level (4), cmsg_type (4); data follows. */
    private static final long CMSG_HEADER = 16;

    private StreamSockets() {}

    // socket, bind, connect, listen, accept4, getsockname, setsockopt: shared with Sockets (Sockets.H).
    private static final class Handles {
        static final MethodHandle SENDMSG = Native.downcallErrno("sendmsg",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle RECVMSG = Native.downcallErrno("recvmsg",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    }

    /** A UNIX stream socket bound to {@code path} and listening. */
    public static int listenUnix(String path) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = socket(arena, AF_UNIX);
            call(arena, "bind(" + path + ")", "choose a writable local directory with --tmpdir",
                    c -> (int) Sockets.H.BIND.invokeExact(c, fd, unixAddress(arena, path), SOCKADDR_UN_SIZE));
            call(arena, "listen", null, c -> (int) Sockets.H.LISTEN.invokeExact(c, fd, 4));
            return fd;
        }
    }

    /** A UNIX stream socket connected to the listener at {@code path}. */
    public static int connectUnix(String path) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = socket(arena, AF_UNIX);
            call(arena, "connect(" + path + ")", null,
                    c -> (int) Sockets.H.CONNECT.invokeExact(c, fd, unixAddress(arena, path), SOCKADDR_UN_SIZE));
            return fd;
        }
    }

    /** A TCP socket listening on 127.0.0.1 at a port the kernel picks (see {@link #localPort}). */
    public static int listenTcpLoopback() {
        try (Arena arena = Arena.ofConfined()) {
            int fd = socket(arena, AF_INET);
            call(arena, "bind(127.0.0.1:0)", "is the loopback interface up? (`ip link set lo up`)",
                    c -> (int) Sockets.H.BIND.invokeExact(c, fd, inetAddress(arena, 0), SOCKADDR_IN_SIZE));
            call(arena, "listen", null, c -> (int) Sockets.H.LISTEN.invokeExact(c, fd, 4));
            return fd;
        }
    }

    /** The port a TCP socket is bound to. */
    public static int localPort(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(SOCKADDR_IN_SIZE);
            MemorySegment len = arena.allocateFrom(JAVA_INT, SOCKADDR_IN_SIZE);
            call(arena, "getsockname", null, c -> (int) Sockets.H.GETSOCKNAME.invokeExact(c, fd, addr, len));
            return Short.toUnsignedInt(Short.reverseBytes(addr.get(JAVA_SHORT, 2)));
        }
    }

    /** A TCP socket connected to 127.0.0.1:{@code port}, with Nagle's algorithm off. */
    public static int connectTcpLoopback(int port) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = socket(arena, AF_INET);
            call(arena, "connect(127.0.0.1:" + port + ")", null,
                    c -> (int) Sockets.H.CONNECT.invokeExact(c, fd, inetAddress(arena, port), SOCKADDR_IN_SIZE));
            setTcpNoDelay(fd);
            return fd;
        }
    }

    /** Accepts one connection (blocking). */
    public static int accept(int listenFd) {
        try (Arena arena = Arena.ofConfined()) {
            return call(arena, "accept", null,
                    c -> (int) Sockets.H.ACCEPT4.invokeExact(c, listenFd, MemorySegment.NULL, MemorySegment.NULL,
                            SOCK_CLOEXEC));
        }
    }

    /** Turns off Nagle's algorithm, so a small message leaves at once instead of waiting for an ACK. */
    public static void setTcpNoDelay(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(JAVA_INT, 1);
            call(arena, "setsockopt(TCP_NODELAY)", null,
                    c -> (int) Sockets.H.SETSOCKOPT.invokeExact(c, fd, IPPROTO_TCP, TCP_NODELAY, one, 4));
        }
    }

    /** Sends descriptors over a connected UNIX socket (SCM_RIGHTS) with one data byte. */
    public static void sendFds(int sock, int[] fds) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cmsg = arena.allocate(controlSize(fds.length), 8);
            MemorySegment msg = message(arena, cmsg);
            cmsg.set(JAVA_LONG, 0, CMSG_HEADER + 4L * fds.length);
            cmsg.set(JAVA_INT, 8, SOL_SOCKET);
            cmsg.set(JAVA_INT, 12, SCM_RIGHTS);
            for (int i = 0; i < fds.length; i++) {
                cmsg.set(JAVA_INT, CMSG_HEADER + 4L * i, fds[i]);
            }
            call(arena, "sendmsg(SCM_RIGHTS)", null, c -> (int) (long) Handles.SENDMSG.invokeExact(c, sock, msg, 0));
        }
    }

    /** Receives {@code count} descriptors sent with {@link #sendFds}. */
    public static int[] receiveFds(int sock, int count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cmsg = arena.allocate(controlSize(count), 8);
            MemorySegment msg = message(arena, cmsg);
            int n = call(arena, "recvmsg(SCM_RIGHTS)", null,
                    c -> (int) (long) Handles.RECVMSG.invokeExact(c, sock, msg, 0x40000000)); // MSG_CMSG_CLOEXEC
            if (n != 1 || cmsg.get(JAVA_LONG, 0) != CMSG_HEADER + 4L * count
                    || cmsg.get(JAVA_INT, 12) != SCM_RIGHTS) {
                throw new NativeException("recvmsg(SCM_RIGHTS): expected " + count + " descriptors", Errno.EINVAL,
                        null);
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
        MemorySegment data = arena.allocate(1);
        data.set(JAVA_BYTE, 0, (byte) 'F');
        MemorySegment iov = arena.allocate(16, 8);
        iov.set(ADDRESS, 0, data);
        iov.set(JAVA_LONG, 8, 1);
        MemorySegment msg = arena.allocate(MSGHDR_SIZE, 8);
        msg.set(ADDRESS, MSG_IOV, iov);
        msg.set(JAVA_LONG, MSG_IOVLEN, 1);
        msg.set(ADDRESS, MSG_CONTROL, control);
        msg.set(JAVA_LONG, MSG_CONTROLLEN, control.byteSize());
        return msg;
    }

    private static int socket(Arena arena, int family) {
        return call(arena, family == AF_UNIX ? "socket(AF_UNIX)" : "socket(AF_INET)",
                "raise the open-file limit (ulimit -n), or a sandbox forbids sockets",
                c -> (int) Sockets.H.SOCKET.invokeExact(c, family, SOCK_STREAM | SOCK_CLOEXEC, 0));
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

    private static MemorySegment inetAddress(Arena arena, int port) {
        MemorySegment addr = arena.allocate(SOCKADDR_IN_SIZE);
        addr.set(JAVA_SHORT, 0, (short) AF_INET);
        addr.set(JAVA_SHORT, 2, Short.reverseBytes((short) port));
        addr.set(JAVA_INT, 4, Integer.reverseBytes(LOOPBACK));
        return addr;
    }

    @FunctionalInterface
    private interface Call {
        int invoke(MemorySegment capture) throws Throwable;
    }

    private static int call(Arena arena, String what, String hint, Call call) {
        MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
        int r;
        try {
            r = call.invoke(capture);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r < 0) {
            throw new NativeException(what, Native.errno(capture), hint);
        }
        return r;
    }
}
