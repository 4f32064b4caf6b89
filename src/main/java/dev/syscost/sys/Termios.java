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
 * A terminal's line discipline ({@code tcgetattr}/{@code tcsetattr}) and window size
 * ({@code TIOCGWINSZ}), for full-screen views: key-at-a-time input without echo, and the saved
 * settings put back byte for byte.
 */
public final class Termios {
    /** glibc's {@code struct termios} on x86-64 (bits/termios-struct.h): 60 bytes. */
    public static final StructLayout TERMIOS = MemoryLayout.structLayout(
            JAVA_INT.withName("c_iflag"),
            JAVA_INT.withName("c_oflag"),
            JAVA_INT.withName("c_cflag"),
            JAVA_INT.withName("c_lflag"),
            ValueLayout.JAVA_BYTE.withName("c_line"),
            MemoryLayout.sequenceLayout(32, ValueLayout.JAVA_BYTE).withName("c_cc"),
            MemoryLayout.paddingLayout(3),
            JAVA_INT.withName("c_ispeed"),
            JAVA_INT.withName("c_ospeed"));
    /** {@code struct winsize}: rows, columns, then pixel sizes. */
    public static final StructLayout WINSIZE = MemoryLayout.structLayout(
            JAVA_SHORT.withName("ws_row"), JAVA_SHORT.withName("ws_col"),
            JAVA_SHORT.withName("ws_xpixel"), JAVA_SHORT.withName("ws_ypixel"));

    static final int ICANON = 0x2;
    static final int ECHO = 0x8;
    static final int VTIME = 5;
    static final int VMIN = 6;
    static final int TCSANOW = 0;
    static final long TIOCGWINSZ = 0x5413;
    private static final long C_LFLAG = 12;
    private static final long C_CC = 17;

    private static final MethodHandle TCGETATTR = Native.downcallErrno("tcgetattr",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle TCSETATTR = Native.downcallErrno("tcsetattr",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle IOCTL = Native.downcall("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), java.lang.foreign.Linker.Option.firstVariadicArg(2));

    private Termios() {}

    /** The terminal's settings now, as bytes to hand back to {@link #set}. */
    public static byte[] get(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment t = a.allocate(TERMIOS);
            MemorySegment capture = a.allocate(Native.CAPTURE_LAYOUT);
            if ((int) TCGETATTR.invokeExact(capture, fd, t) != 0) {
                throw new NativeException("tcgetattr", Native.errno(capture), "run it in a terminal");
            }
            return t.toArray(ValueLayout.JAVA_BYTE);
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Puts {@code settings} (from {@link #get}) in force at once; false when the terminal is gone. */
    public static boolean set(int fd, byte[] settings) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment t = a.allocate(TERMIOS);
            MemorySegment.copy(settings, 0, t, ValueLayout.JAVA_BYTE, 0, settings.length);
            MemorySegment capture = a.allocate(Native.CAPTURE_LAYOUT);
            return (int) TCSETATTR.invokeExact(capture, fd, TCSANOW, t) == 0;
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * {@code settings} with canonical input and echo off, reads returning after one byte: keys arrive
     * as typed. Signals stay on, so Ctrl-C still interrupts (and the shutdown hook restores).
     */
    public static byte[] keyAtATime(byte[] settings) {
        byte[] raw = settings.clone();
        MemorySegment t = MemorySegment.ofArray(raw);
        int lflag = t.get(ValueLayout.JAVA_INT_UNALIGNED, C_LFLAG);
        t.set(ValueLayout.JAVA_INT_UNALIGNED, C_LFLAG, lflag & ~(ICANON | ECHO));
        raw[(int) C_CC + VMIN] = 1;
        raw[(int) C_CC + VTIME] = 0;
        return raw;
    }

    /** Rows and columns of the terminal on {@code fd}, or {0, 0} when unknown. */
    public static int[] size(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ws = a.allocate(WINSIZE);
            if ((int) IOCTL.invokeExact(fd, TIOCGWINSZ, ws) != 0) {
                return new int[] {0, 0};
            }
            return new int[] {Short.toUnsignedInt(ws.get(JAVA_SHORT, 0)), Short.toUnsignedInt(ws.get(JAVA_SHORT, 2))};
        } catch (Throwable t) {
            return new int[] {0, 0};
        }
    }
}
