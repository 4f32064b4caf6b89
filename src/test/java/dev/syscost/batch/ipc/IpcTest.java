package dev.syscost.batch.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syscost.SyscostException;
import dev.syscost.progress.Progress;
import dev.syscost.sys.Libc;
import dev.syscost.sys.PerfEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real runs between two processes: small and fast, checking correctness and clean-up, never speed. */
class IpcTest {
    @TempDir
    Path temp;

    private IpcConfig small(Transport... transports) {
        return IpcConfig.quickDefaults().withTransports(List.of(transports)).withMessageSizes(List.of(64, 4096))
                .withMessagesPerTrial(300).withTrials(2).withTrialBudgetNs(20_000_000L).withTempDir(temp);
    }

    @AfterEach
    void shouldLeaveNoChildProcessAndNoFile() throws IOException {
        System.clearProperty(Ipc.FAULT_PROPERTY);
        System.clearProperty(PerfEvents.DISABLE_PROPERTY);
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList()).isEmpty();
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void shouldMoveAndCheckEveryMessageOverEveryTransport() {
        IpcResult r = Ipc.run(small(Transport.values()).withMessageSizes(List.of(64, 4096, 100)), Progress.SILENT);
        assertThat(r.schema()).isEqualTo("syscost.ipc/1");
        assertThat(r.transports()).hasSize(Transport.values().length * 3);
        boolean twoCpus = Libc.affinity(0).cardinality() >= 2;
        for (TransportResult t : r.transports()) {
            String label = t.name() + " " + t.messageBytes();
            if (t.name().equals("shm_spin") && !twoCpus) {
                assertThat(t.available()).as(label).isFalse();
                continue;
            }
            assertThat(t.available()).as(label + ": " + t.unavailableReason()).isTrue();
            assertThat(t.roundTrips()).as(label).isPositive();
            assertThat(t.throughputMessages()).as(label).isPositive();
            assertThat(t.minNs()).as(label).isPositive().isLessThanOrEqualTo(t.p50Ns());
            assertThat(t.p50Ns()).as(label).isLessThanOrEqualTo(t.p99Ns());
            assertThat(t.p99Ns()).as(label).isLessThanOrEqualTo(t.p999Ns());
            assertThat(t.p999Ns()).as(label).isLessThanOrEqualTo(t.maxNs());
            assertThat(t.throughputMBPerSec()).as(label)
                    .isCloseTo(t.throughputMsgsPerSec() * t.messageBytes() / 1e6, org.assertj.core.data.Percentage.withPercentage(0.01));
        }
    }

    @Test
    void shouldCountKernelEntriesWherePermitted() {
        IpcResult r = Ipc.run(small(Transport.PIPE, Transport.SHM_SPIN).withMessageSizes(List.of(64))
                .withMessagesPerTrial(1000), Progress.SILENT);
        TransportResult pipe = r.transports().get(0);
        Assumptions.assumeTrue(pipe.kernelEntriesPerMessage() != null,
                () -> "kernel entries not countable here: " + pipe.kernelEntriesNote());
        // A pipe message is at least one write and one read; a round trip twice that.
        assertThat(pipe.kernelEntriesPerMessage()).isGreaterThanOrEqualTo(1.9);
        assertThat(pipe.kernelEntriesPerRoundTrip()).isGreaterThanOrEqualTo(3.9);
        TransportResult spin = r.transports().get(1);
        if (spin.available()) {
            // Spinning on shared memory needs no kernel at all; allow stray entries (safepoints, page faults do not count).
            assertThat(spin.kernelEntriesPerMessage()).isLessThan(0.5);
            assertThat(spin.kernelEntriesPerRoundTrip()).isLessThan(0.5);
        }
    }

    @Test
    void shouldSayNotCountedWhenPerfIsRefused() {
        System.setProperty(PerfEvents.DISABLE_PROPERTY, "true");
        IpcResult r = Ipc.run(small(Transport.UNIX_STREAM).withMessageSizes(List.of(64)), Progress.SILENT);
        TransportResult t = r.transports().getFirst();
        assertThat(t.available()).isTrue();
        assertThat(t.kernelEntriesPerMessage()).isNull();
        assertThat(t.kernelEntriesPerRoundTrip()).isNull();
        assertThat(t.kernelEntriesNote()).contains("disabled");
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("kernel entries not counted"));
    }

    @Test
    void shouldRefuseToSpinOnOneCore() {
        IpcResult r = Ipc.run(small(Transport.SHM_SPIN, Transport.SHM_FUTEX).withMessageSizes(List.of(64))
                .withPlacement(Placement.SAME), Progress.SILENT);
        assertThat(r.placement()).isEqualTo("same-core");
        assertThat(r.transports().get(0).available()).isFalse();
        assertThat(r.transports().get(0).unavailableReason()).contains("different CPUs");
        assertThat(r.transports().get(1).available()).isTrue();
        assertThat(r.transports().get(1).parentCpu()).isEqualTo(r.transports().get(1).childCpu());
    }

    @Test
    void shouldNameTheFixWhenTheTempDirIsUnusable() throws IOException {
        Path file = Files.createTempFile("syscost-ipc-test", ".notadir");
        try {
            assertThatThrownBy(() -> Ipc.run(small(Transport.PIPE).withTempDir(file), Progress.SILENT))
                    .isInstanceOf(SyscostException.class)
                    .hasMessageStartingWith("cannot create a temp dir in " + file)
                    .hasMessageEndingWith("choose a writable directory with --tmpdir");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void shouldDetectACorruptedMessageAndCleanUp() {
        // Every round-trip phase echoes at least one message and STOP, so echo 3 always comes.
        System.setProperty(Ipc.FAULT_PROPERTY, "corrupt:3");
        assertThatThrownBy(() -> Ipc.run(small(Transport.SHM_FUTEX), Progress.SILENT))
                .isInstanceOf(SyscostException.class)
                .hasMessageContaining("shm_futex 64 B: a message came back wrong: message ")
                .hasMessageContaining(" (64 B) differs at byte 63");
    }

    @Test
    void shouldFailPromptlyWhenThePeerDies() {
        for (Transport t : List.of(Transport.PIPE, Transport.SHM_EVENTFD, Transport.SHM_FUTEX, Transport.SHM_SPIN)) {
            System.setProperty(Ipc.FAULT_PROPERTY, "exit:3");
            long start = System.nanoTime();
            assertThatThrownBy(() -> Ipc.run(small(t).withMessageSizes(List.of(64)), Progress.SILENT))
                    .as(t.id()).isInstanceOf(SyscostException.class).hasMessageContaining(t.id() + " 64 B: ")
                    .hasMessageContaining("exit code 4");
            // Well inside the watchdog's 20 s: the peer's exit itself abandons the channel.
            assertThat((System.nanoTime() - start) / 1e9).as(t.id()).isLessThan(15);
        }
    }
}
