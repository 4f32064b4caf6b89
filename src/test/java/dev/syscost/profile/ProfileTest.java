package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syscost.InvalidSettingException;
import dev.syscost.progress.Progress;
import dev.syscost.sys.PerfEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Profile#run} from Java, without picocli: bpf and perf forced off, prices seeded in a private cache. */
class ProfileTest {
    @TempDir
    Path cache;

    @BeforeEach
    void forceProcAndSeedPrices() {
        System.setProperty(PerfEvents.DISABLE_PROPERTY, "true");
        System.setProperty(Calibration.CACHE_DIR_PROPERTY, cache.toString());
        Calibration.forThisMachine("test seed", 10, Map.of("invalid_syscall", 100.0, "read_1b_dev_zero", 200.0,
                "write_1b_dev_null", 150.0)).save(Calibration.cacheFile());
    }

    @AfterEach
    void restore() {
        System.clearProperty(PerfEvents.DISABLE_PROPERTY);
        System.clearProperty(Calibration.CACHE_DIR_PROPERTY);
    }

    @Test
    void shouldProfileACommandFromJavaWithTheCachedPricesAndRecordTheProcPerturbation() {
        List<Path> notices = new ArrayList<>();
        ProfileResult r = Profile.run(ProfileConfig.run(List.of("/bin/sh", "-c",
                "dd if=/dev/zero of=/dev/null bs=1 count=2000 status=none; exit 3")), Progress.SILENT, notices::add);
        assertThat(notices).as("fresh cached prices: nothing measured, nothing to announce").isEmpty();
        assertThat(r.target().mode()).isEqualTo("run");
        assertThat(r.target().exitStatus()).isEqualTo(3);
        assertThat(r.backend().name()).isEqualTo("proc");
        assertThat(r.totalSyscalls()).isNull();
        assertThat(r.advice()).extracting(Advice.Item::rule).contains("tiny-io");
        assertThat(Calibration.cachedForThisMachine()).get().extracting(c -> c.perturbation("proc").orElseThrow().medianNs())
                .as("the proc backend's perturbation (none) measured once and cached beside the prices").isEqualTo(0.0);
    }

    @Test
    void shouldRefuseAMissingCommandBeforeMeasuringThePrices() throws Exception {
        Files.delete(Calibration.cacheFile()); // a check after calibrating would measure for a minute first
        assertThatThrownBy(() -> Profile.run(ProfileConfig.run(List.of("/no/such/program")), Progress.SILENT,
                f -> { throw new AssertionError("calibrated before checking the command"); }))
                .isInstanceOf(Trampoline.CommandException.class).hasMessageContaining("command not found")
                .extracting(e -> ((Trampoline.CommandException) e).exitStatus()).isEqualTo(127);
    }

    @Test
    void shouldRefuseAGonePidBeforeMeasuringThePrices() throws Exception {
        Files.delete(Calibration.cacheFile());
        assertThatThrownBy(() -> Profile.run(ProfileConfig.attach(2147483000), Progress.SILENT,
                f -> { throw new AssertionError("calibrated before checking the pid"); }))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("pid 2147483000: no such process (it exited or never existed); check it with `ps -p 2147483000`");
    }

    @Test
    void shouldRefuseANonPositivePidInDomainTerms() {
        assertThatThrownBy(() -> ProfileConfig.attach(0)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("pid must be a positive process id: 0")
                .extracting(e -> ((InvalidSettingException) e).setting()).isEqualTo("pid");
    }

    @Test
    void shouldRefuseAConfigWithoutExactlyOneTarget() {
        assertThatThrownBy(() -> new ProfileConfig(List.of(), null, null, false, null, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither");
        assertThatThrownBy(() -> new ProfileConfig(List.of("true"), 42, null, false, null, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
    }

    @Test
    void shouldRefuseADurationForACommandAndStacksWithoutBpf() {
        assertThatThrownBy(() -> ProfileConfig.run(List.of("true")).withDuration(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attach only");
        assertThatThrownBy(() -> ProfileConfig.attach(42).withDuration(Duration.ZERO))
                .isInstanceOf(InvalidSettingException.class).hasMessage("duration must be positive: PT0S");
        assertThatThrownBy(() -> ProfileConfig.run(List.of("true")).withBackend(Backend.PERF).withStacks(StackProfiler.Options.DEFAULT))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("backend must be bpf to count stacks");
        assertThat(ProfileConfig.attach(42).withDuration(Duration.ofMillis(1)).withBackend(Backend.BPF)
                .withStacks(StackProfiler.Options.DEFAULT).attaching()).isTrue();
    }
}
