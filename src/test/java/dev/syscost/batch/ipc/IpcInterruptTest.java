package dev.syscost.batch.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in the middle of a run: the peer process and the temp files must go with it. */
class IpcInterruptTest {
    @TempDir
    Path temp;

    @Test
    void shouldKillThePeerAndRemoveFilesOnCtrlC() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process syscost = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.syscost.cli.Main", "ipc", "--transports",
                "shm_eventfd,pipe", "--messages", "10000000", "--trials", "100", "--temp-dir", temp.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            List<ProcessHandle> peers = awaitPeerAndFiles(syscost);
            assertThat(peers).as("the peer process started").isNotEmpty();
            Thread.sleep(500);
            // What a terminal's Ctrl-C sends (to the parent only here, the harder case).
            new ProcessBuilder("kill", dev.syscost.TestSignals.ctrlC(), Long.toString(syscost.pid())).start().waitFor();
            assertThat(syscost.waitFor(20, TimeUnit.SECONDS)).as("syscost exits on SIGINT").isTrue();
            for (ProcessHandle p : peers) {
                p.onExit().get(10, TimeUnit.SECONDS);
                assertThat(p.isAlive()).isFalse();
            }
            try (Stream<Path> left = Files.list(temp)) {
                assertThat(left.toList()).isEmpty();
            }
        } finally {
            syscost.destroyForcibly().waitFor();
        }
    }

    private List<ProcessHandle> awaitPeerAndFiles(Process syscost) throws InterruptedException, IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end && syscost.isAlive()) {
            List<ProcessHandle> peers = syscost.descendants().toList();
            boolean files;
            try (Stream<Path> s = Files.list(temp)) {
                files = s.findAny().isPresent();
            }
            if (!peers.isEmpty() && files) {
                return peers;
            }
            Thread.sleep(100);
        }
        return List.of();
    }
}
