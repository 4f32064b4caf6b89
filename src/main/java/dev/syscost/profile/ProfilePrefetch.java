package dev.syscost.profile;

import dev.syscost.sys.Prelink;

/**
 * What every {@code syscost profile} needs and can have before its command line is parsed, fetched on a
 * second thread meanwhile: the downcalls linked and the kernel's BTF searched for the syscall dispatcher
 * (together about 150 ms of CPU that the parse, as long again, would otherwise be followed by). Nothing
 * here changes state outside this process; a failure is left for the run itself to meet and report.
 */
public final class ProfilePrefetch {
    private ProfilePrefetch() {}

    /** Starts the prefetch on a daemon thread and returns at once. */
    public static void start() {
        Thread.ofPlatform().name("syscost-prefetch").daemon().start(ProfilePrefetch::run);
    }

    private static void run() {
        try {
            Prelink.profile();
            SyscallHook.prefetchDispatcher();
            SyscallProfiler.TaskPid.offset();
            dev.syscost.StartupTrace.mark("prefetched");
        } catch (RuntimeException | LinkageError e) {
            // the run links and looks these up again, and reports what fails there
        }
    }
}
