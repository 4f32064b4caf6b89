package dev.syscost.cli;

import dev.syscost.sys.Libc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code syscost __workload getppid N [--threads T]}: a child with exactly known syscalls, for tests
 * and the benchmark (hidden). Each of T threads makes exactly N getppid calls.
 */
@Command(name = "__workload", hidden = true, description = "Test workload: exactly N getppid calls per thread.")
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
        if (!kind.equals("getppid")) {
            throw new dev.syscost.UsageException("__workload: unknown kind " + kind + "; known: getppid");
        }
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ts.add(Thread.ofPlatform().start(() -> {
                long acc = 0;
                for (long i = 0; i < calls; i++) {
                    acc += Libc.getppid();
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
