package dev.syscost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forks are fresh JVMs: each has its own process id, and their trials are pooled into one result. */
class ForksTest {
    private static MeasureConfig tiny(int forks) {
        return new MeasureConfig(true, 4, 1_000_000L, 20_000_000L, -1, false, List.of("java_call", "ffm_downcall"), forks);
    }

    @Test
    void shouldRunEachForkInItsOwnJvm() {
        MeasureResult r = Measure.run(tiny(2), Progress.SILENT);
        long self = ProcessHandle.current().pid();
        assertThat(r.forks()).hasSize(2);
        assertThat(r.forks()).extracting(MeasureResult.ForkInfo::pid).doesNotHaveDuplicates().doesNotContain(self);
        ProbeResult p = r.probe("ffm_downcall").orElseThrow();
        assertThat(p.available()).as(p.unavailableReason()).isTrue();
        assertThat(p.forkMediansNs()).hasSize(2);
        assertThat(p.trials()).isEqualTo(4); // 2 per fork, pooled
        assertThat(p.betweenForkSpreadNs()).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(r.decomposition().terms()).filteredOn(t -> t.name().equals("ffm_overhead"))
                .singleElement().satisfies(t -> assertThat(t.forkValuesNs()).hasSize(2));
    }

    @Test
    void shouldMeasureInThisJvmWithOneFork() {
        MeasureResult r = Measure.run(tiny(1), Progress.SILENT);
        assertThat(r.forks()).singleElement().extracting(MeasureResult.ForkInfo::pid)
                .isEqualTo(ProcessHandle.current().pid());
        assertThat(r.probe("java_call").orElseThrow().betweenForkSpreadNs()).isNull();
    }

    @Test
    void shouldCarryAnUnavailableProbeFromAForkWithItsReason() throws Exception {
        ProbeResult gone = ProbeResult.unavailable(new dev.syscost.bench.probe.GetppidProbe(), "getppid refused by seccomp: EPERM");
        Fork fork = new Fork(42, 1, 1, List.of(gone), "perf events not permitted");
        Fork back = Forks.MAPPER.readValue(Forks.toJson(fork), Fork.class);
        assertThat(back.probes()).singleElement().satisfies(p -> {
            assertThat(p.available()).isFalse();
            assertThat(p.medianNs()).isNaN();
        });
        ProbeResult merged = ProbeResult.merge(List.of(back.probes().get(0), back.probes().get(0)));
        assertThat(merged.available()).isFalse();
        assertThat(merged.unavailableReason()).isEqualTo("fork 1: getppid refused by seccomp: EPERM");
    }

    @Test
    void shouldShareTrialsOutAmongForksRoundingUp() {
        assertThat(MeasureConfig.defaults().forks()).isEqualTo(2);
        assertThat(MeasureConfig.defaults().trialsPerFork()).isEqualTo(8);
        assertThat(MeasureConfig.quickConfig().forks()).isEqualTo(1);
        assertThat(tiny(3).withTrials(1).trialsPerFork()).isEqualTo(1);
    }

    @Test
    void shouldNeverLetAForkCreateTheClassDataArchive(@TempDir Path dir) throws Exception {
        Path existing = Files.createFile(dir.resolve("syscost-1-measure.jsa"));
        Path missing = dir.resolve("syscost-1-profile.jsa");
        List<String> parent = List.of("--enable-native-access=ALL-UNNAMED", "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + existing, "-agentlib:jdwp=transport=dt_socket", "-XX:+UseSerialGC");
        assertThat(Forks.childFlags(parent)).containsExactly("--enable-native-access=ALL-UNNAMED",
                "-XX:SharedArchiveFile=" + existing, "-XX:+UseSerialGC");
        // an archive that does not exist yet is the parent's to make: the fork goes without one
        assertThat(Forks.childFlags(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + missing)))
                .isEmpty();
    }

    @Test
    void shouldCompileAForkWithC2WhateverItsParentUses() {
        assertThat(Forks.childFlags(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))).containsExactly("-XX:+UseSerialGC");
    }
}
