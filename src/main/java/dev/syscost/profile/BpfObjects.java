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

    /** Remembers {@code fd} for {@link #close()} and returns it. */
    int keep(int fd) {
        fds.add(fd);
        return fd;
    }

    /** Closes every kept descriptor, newest first; a second call does nothing. */
    @Override
    public void close() {
        for (int i = fds.size() - 1; i >= 0; i--) {
            Libc.close(fds.get(i));
        }
        fds.clear();
    }
}
