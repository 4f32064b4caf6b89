package dev.syscost.profile;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syscost.sys.NativeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Child commands with exactly known syscalls, run from this test JVM's own classpath. */
public final class Workloads {
    private Workloads() {}

    /** {@code java -cp <ours> dev.syscost.cli.Main __workload getppid N --threads T}. */
    static List<String> getppid(long n, int threads) {
        List<String> argv = new ArrayList<>(java());
        argv.addAll(List.of("__workload", "getppid", Long.toString(n), "--threads", Integer.toString(threads)));
        return argv;
    }

    /** {@code __workload KIND N}: poll0 / poll1 make N poll calls with a 0 / 1 ms timeout. */
    public static List<String> workload(String kind, long n) {
        List<String> argv = new ArrayList<>(java());
        argv.addAll(List.of("__workload", kind, Long.toString(n)));
        return argv;
    }

    /** The JVM and classpath of this test run, ready to start {@code dev.syscost.cli.Main}. */
    public static List<String> java() {
        String javaBin = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        return List.of(javaBin, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.syscost.cli.Main");
    }

    /** Skips (with the reason printed) unless eBPF counting works here: root, bpf permitted, not forced off. */
    static void assumeBpf() {
        String why = null;
        if (!root()) {
            why = "not root: eBPF counting needs root or CAP_BPF+CAP_PERFMON";
        } else {
            try (SyscallProfiler p = SyscallProfiler.open()) {
                p.snapshot();
            } catch (NativeException e) {
                why = e.getMessage();
            }
        }
        if (why != null) {
            System.out.println("SKIP (eBPF unavailable): " + why);
        }
        assumeTrue(why == null, why);
    }

    static boolean root() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
