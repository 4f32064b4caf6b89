package dev.syscost.cli;

import dev.syscost.sys.Libc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code syscost __workload getppid|poll0|poll1 N [--threads T]}: a child with exactly known syscalls,
 * for tests (hidden). Each of T threads makes exactly N calls of getppid, poll(NULL, 0, 0) (a zero
 * timeout) or poll(NULL, 0, 1) (a 1 ms timeout).
 */
@Command(name = "__workload", hidden = true, description = "Test workload: exactly N calls per thread.")
public final class WorkloadCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "getppid")
    String kind;

    @Parameters(index = "1", description = "calls per thread")
    long calls;

    @Option(names = "--threads", defaultValue = "1")
    int threads;

    @Option(names = "--exit", defaultValue = "0", description = "exit status to return")
    int exit;

    static volatile long sink;

    @Override
    public Integer call() throws InterruptedException {
        if (!List.of("getppid", "poll0", "poll1").contains(kind)) {
            throw new dev.syscost.UsageException("__workload: unknown kind " + kind + "; known: getppid, poll0, poll1");
        }
        long poll = dev.syscost.sys.SyscallTable.x86_64().number("poll");
        long timeoutMs = kind.equals("poll1") ? 1 : 0;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ts.add(Thread.ofPlatform().start(() -> {
                long acc = 0;
                for (long i = 0; i < calls; i++) {
                    acc += kind.equals("getppid") ? Libc.getppid()
                            : Libc.syscallChecked("poll", null, poll, 0, 0, timeoutMs, 0, 0, 0);
                }
                sink = acc;
            }));
        }
        for (Thread t : ts) {
            t.join();
        }
        return exit;
    }
}
