package dev.syscost.profile;

import dev.syscost.sys.Prelink;

/**
 * What every {@code syscost profile} needs and can have before its command line is parsed, fetched on a
 * second thread meanwhile: its nine downcalls linked (about 90 ms of CPU, the first one setting up the
 * linker) and the kernel BTF's answers looked up ({@link KernelBtf}: from its cache file, or the BTF
 * itself on a first run). picocli takes as long on the main thread, which then finds them done. Nothing
 * here changes state outside this process but that cache file; a failure is left for the run itself to
 * meet and report.
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
