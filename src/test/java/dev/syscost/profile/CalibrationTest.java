package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {
    private static Calibration at(String kernel, Instant when) {
        return new Calibration(kernel, Calibration.currentCpuModel(), when.toString(), "test", 10,
                Map.of("invalid_syscall", 110.0, "getppid", 130.0, "read_1b_dev_zero", 210.0, "open_close", 1000.0), Map.of());
    }

    @Test
    void shouldBeFreshForThisKernelWithinAWeek() {
        assertThat(at(Calibration.currentKernel(), Instant.now().minus(Duration.ofDays(6))).fresh()).isTrue();
        assertThat(at(Calibration.currentKernel(), Instant.now().minus(Duration.ofDays(8))).fresh()).isFalse();
        assertThat(at("4.19.0 another kernel", Instant.now()).fresh()).isFalse();
    }

    @Test
    void shouldGoStaleWithinAnHourWhenMeasuredOnANoisyMachine() {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        Calibration noisy = new Calibration(Calibration.currentKernel(), Calibration.currentCpuModel(), twoHoursAgo.toString(),
                "syscost measure (15 trials per probe): median ns per kernel entry; wide spread: fstat (p10–p90 69% of the median)",
                10, Map.of("invalid_syscall", 110.0), Map.of());
        assertThat(noisy.noisy()).isTrue();
        assertThat(noisy.fresh()).isFalse();
        assertThat(at(Calibration.currentKernel(), twoHoursAgo).fresh()).isTrue();
    }

    @Test
    void shouldRoundTripThroughTheCacheFile(@TempDir Path dir) {
        Calibration c = at(Calibration.currentKernel(), Instant.now()).withPerturbation("bpf", new Perturbation.Estimate(42.0, 30.0, 55.0));
        Path f = dir.resolve("sub/profile-calibration.properties");
        c.save(f);
        assertThat(Calibration.read(f)).contains(c);
    }

    @Test
    void shouldPriceByProbeLessTheDowncallAndFallBackToTheFloor() {
        CostModel m = new CostModel(at("k", Instant.now()));
        assertThat(m.price("getppid")).isEqualTo(new CostModel.Price(120.0, "getppid", false));
        assertThat(m.price("read")).isEqualTo(new CostModel.Price(200.0, "read_1b_dev_zero", false));
        assertThat(m.price("openat").probe()).isEqualTo("open_close");
        assertThat(m.price("futex")).isEqualTo(new CostModel.Price(100.0, CostModel.FLOOR, true));
    }
}
