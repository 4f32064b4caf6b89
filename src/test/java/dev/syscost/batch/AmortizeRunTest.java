package dev.syscost.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syscost.SyscostException;
import dev.syscost.InvalidSettingException;
import dev.syscost.batch.amortize.BatchSection;
import dev.syscost.batch.amortize.ScratchDir;
import dev.syscost.batch.amortize.TargetKind;
import dev.syscost.progress.Progress;
import dev.syscost.sys.IoUring;
import dev.syscost.sys.PerfEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public API end to end: results, unavailable branches, and nothing left behind on success or failure. */
class AmortizeRunTest {
    @TempDir
    Path tmp;

    private AmortizeConfig small() {
        return AmortizeConfig.quickDefaults().withSizes(List.of(1L, 4096L, 65536L)).withTrials(3).withTmpdir(tmp);
    }

    static boolean amortizeThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("syscost-amortize-"));
    }

    private long leftovers() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith(ScratchDir.PREFIX)).count();
        }
    }

    @Test
    void shouldMeasureEveryPartAndLeaveNothingBehind() throws IOException {
        AmortizeResult r = Amortize.run(small(), Progress.SILENT);
        assertThat(r.schema()).isEqualTo("syscost.amortize/1");
        assertThat(r.targets()).extracting(t -> t.name())
                .containsExactly("devnull", "pipe", "file", "socketpair", "tcp");
        assertThat(r.breakEven()).containsOnlyKeys("devnull", "pipe", "file", "socketpair", "tcp");
        assertThat(r.batched()).extracting(BatchSection::name)
                .containsExactly("writev", "sendmmsg", "io_uring", "io_uring_sqpoll");
        assertThat(r.javaApis().points()).hasSize(10);
        assertThat(leftovers()).isZero();
        assertThat(amortizeThreadsAlive()).isFalse();
    }

    @Test
    void shouldReportIoUringAndEntryCountsUnavailableWhenRefused() {
        System.setProperty(IoUring.DISABLE_PROPERTY, "true");
        System.setProperty(PerfEvents.DISABLE_PROPERTY, "true");
        try {
            AmortizeResult r = Amortize.run(small().withParts(EnumSet.of(AmortizePart.IO_URING, AmortizePart.WRITEV)),
                    Progress.SILENT);
            BatchSection ring = r.batched().stream().filter(b -> b.name().equals("io_uring")).findFirst().orElseThrow();
            assertThat(ring.available()).isFalse();
            assertThat(ring.unavailableReason()).contains("io_uring");
            BatchSection writev = r.batched().getFirst();
            assertThat(writev.kernelEntriesNote()).startsWith("not counted");
            assertThat(writev.points()).allSatisfy(p -> assertThat(p.kernelEntriesPerOp()).isNull());
            assertThat(r.warnings()).anyMatch(w -> w.contains("io_uring unavailable"));
        } finally {
            System.clearProperty(IoUring.DISABLE_PROPERTY);
            System.clearProperty(PerfEvents.DISABLE_PROPERTY);
        }
    }

    @Test
    void shouldRemoveTempFilesAndThreadsWhenARunFails() throws Exception {
        AmortizeConfig config = small().withSizes(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L)).withTrials(400)
                .withTargets(List.of(TargetKind.PIPE, TargetKind.FILE)).withParts(EnumSet.of(AmortizePart.SWEEP));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                Amortize.run(config, Progress.SILENT);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        runner.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (leftovers() == 0 && runner.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(200); // well inside the sweep
        runner.interrupt();
        runner.join(30_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(SyscostException.class).hasMessageContaining("interrupted");
        assertThat(leftovers()).isZero();
        assertThat(amortizeThreadsAlive()).isFalse();
    }

    @Test
    void shouldRefuseAnUnwritableTempDir() throws IOException {
        Path file = Files.createFile(tmp.resolve("not-a-dir"));
        assertThatThrownBy(() -> Amortize.run(small().withTmpdir(file), Progress.SILENT))
                .isInstanceOf(InvalidSettingException.class).hasMessage("tmpdir " + file + " is not a directory; pass an existing writable directory");
        assertThatThrownBy(() -> Amortize.run(small().withTmpdir(Path.of("/proc/self")), Progress.SILENT))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("not writable");
    }
}
