package dev.syscost.profile;

import dev.syscost.sys.Libc;
import java.util.ArrayList;
import java.util.List;

/**
 * The file descriptors of one profiler's bpf maps, programs and links, closed together in reverse order of
 * opening (a link before its program, a program before the maps it uses), once.
 */
final class BpfObjects implements AutoCloseable {
    private final List<Integer> fds = new ArrayList<>();
    private final List<Integer> events = new ArrayList<>();

    /** Remembers {@code fd} for {@link #close()} and returns it. */
    int keep(int fd) {
        fds.add(fd);
        return fd;
    }

    /**
     * Remembers a perf event that carries a tracepoint program (a link): {@link #close()} closes these
     * first and all at once, because closing one waits for RCU grace periods in the kernel
     * (perf_trace_event_unreg → tracepoint_synchronize_unregister: about 50 ms each on a 2-vCPU VM) and
     * waits that overlap end together; one after another they were 150 ms of every profile's run time.
     */
    int keepEvent(int fd) {
        events.add(fd);
        return fd;
    }

    /** Closes the events at once, then every other kept descriptor, newest first; a second call does nothing. */
    @Override
    public void close() {
        closeTogether(events);
        events.clear();
        for (int i = fds.size() - 1; i >= 0; i--) {
            Libc.close(fds.get(i));
        }
        fds.clear();
    }

    /** Closes {@code these} on one thread each (the last on this one) and returns when all are closed. */
    private static void closeTogether(List<Integer> these) {
        List<Thread> others = new ArrayList<>();
        for (int i = 0; i < these.size() - 1; i++) {
            int fd = these.get(i);
            others.add(Thread.ofPlatform().name("syscost-close").daemon().start(() -> Libc.close(fd)));
        }
        if (!these.isEmpty()) {
            Libc.close(these.getLast());
        }
        boolean interrupted = false;
        for (Thread t : others) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
