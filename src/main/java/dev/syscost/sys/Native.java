package dev.syscost.sys;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** The one linker and libc lookup that every binding in this package resolves its handles from. */
final class Native {
    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup LIBC = LINKER.defaultLookup();
    static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private Native() {}

    /** A downcall to a libc symbol, without errno capture: for timed loops, where capture would be measured too. */
    @SuppressWarnings("restricted") // the one place syscost links native code; the launcher enables it
    static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LIBC.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + name));
        MethodHandle handle = LINKER.downcallHandle(symbol, descriptor, options);
        if (dev.syscost.StartupTrace.on()) {
            dev.syscost.StartupTrace.mark("linked " + name + descriptor);
        }
        return handle;
    }

    /**
     * A downcall whose first parameter is a capture segment (see {@link #CAPTURE_LAYOUT}) into which the
     * linker stores errno right after the call, before the JVM can clobber it.
     */
    static MethodHandle downcallErrno(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = new Linker.Option[options.length + 1];
        all[0] = CAPTURE_ERRNO;
        System.arraycopy(options, 0, all, 1, options.length);
        return downcall(name, descriptor, all);
    }

    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }
}
