package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syscost.InvalidSettingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProfileRunTest {
    private static final ProfileRun.Options BPF = new ProfileRun.Options(Backend.BPF, true, null);

    @BeforeAll
    static void needBpf() {
        Workloads.assumeBpf();
    }

    @Test
    void shouldCountEveryGetppidOfEveryThreadExactly() {
        Measurement m = ProfileRun.run(Workloads.getppid(20_000, 3), BPF);
        assertThat(m.exitStatus()).isZero();
        assertThat(m.counts().count("getppid")).isEqualTo(60_000);
        // the independent perf count of the same kernel entries agrees to the call
        assertThat(m.perfTotal()).isEqualTo(m.counts().total());
    }

    @Test
    void shouldFollowChildProcesses() {
        long shellOwn = ProfileRun.run(List.of("/bin/sh", "-c", "true"), BPF).counts().count("getppid");
        String w1 = String.join(" ", Workloads.getppid(1000, 1));
        String w2 = String.join(" ", Workloads.getppid(2000, 2));
        Measurement m = ProfileRun.run(List.of("/bin/sh", "-c", w1 + " & " + w2 + "; wait"), BPF);
        assertThat(m.counts().count("getppid")).isEqualTo(shellOwn + 1000 + 4000);
        assertThat(m.perfTotal()).isEqualTo(m.counts().total());
    }

    @Test
    void shouldCountPollCallsWithAZeroTimeoutFromTheirArguments() {
        Measurement zero = ProfileRun.run(Workloads.workload("poll0", 3000), BPF);
        assertThat(zero.counts().count("poll")).isGreaterThanOrEqualTo(3000);
        assertThat(zero.counts().zeroTimeoutWaits()).isGreaterThanOrEqualTo(3000).isLessThanOrEqualTo(zero.counts().count("poll")
                + zero.counts().count("epoll_wait") + zero.counts().count("epoll_pwait"));
        Measurement blocking = ProfileRun.run(Workloads.workload("poll1", 300), BPF);
        assertThat(blocking.counts().count("poll")).isGreaterThanOrEqualTo(300);
        assertThat(blocking.counts().zeroTimeoutWaits()).isLessThan(300); // the JVM's own zero-timeout polls, if any
    }

    @Test
    void shouldPassTheExitStatusThrough() {
        assertThat(ProfileRun.run(List.of("/bin/sh", "-c", "exit 7"), BPF).exitStatus()).isEqualTo(7);
    }

    @Test
    void shouldReport128PlusTheSignalThatKilledTheCommand() {
        assertThat(ProfileRun.run(List.of("/bin/sh", "-c", "kill -TERM $$"), BPF).exitStatus()).isEqualTo(143);
    }

    @Test
    void shouldCountTheExactDdStormLikePerfStat() {
        Measurement m = ProfileRun.run(List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=5000", "status=none"), BPF);
        assertThat(m.counts().count("write")).isEqualTo(5000 + 0); // dd writes each 1-byte block once
        assertThat(m.counts().count("read")).isGreaterThanOrEqualTo(5000);
        assertThat(m.proc().writeCalls()).isEqualTo(m.counts().count("write"));
        assertThat(m.userCpuSeconds() + m.systemCpuSeconds()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void shouldRefuseAPidThatDoesNotExist() {
        assertThatThrownBy(() -> ProfileRun.attach(Integer.MAX_VALUE - 1, BPF))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("no such process");
    }

    @Test
    void shouldEndTheAttachWhenTheProcessExits() throws Exception {
        Process p = new ProcessBuilder(Workloads.getppid(3_000_000, 1)).start();
        try {
            Thread.sleep(300);
            Measurement m = ProfileRun.attach((int) p.pid(), new ProfileRun.Options(Backend.BPF, false, Duration.ofSeconds(60)));
            assertThat(m.targetExited()).isTrue();
            assertThat(m.counts().count("getppid")).isPositive().isLessThanOrEqualTo(3_000_000);
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    @Test
    void shouldStopAttachingWhenTheDurationEnds() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            Measurement m = ProfileRun.attach((int) p.pid(), new ProfileRun.Options(Backend.BPF, false, Duration.ofMillis(300)));
            assertThat(m.targetExited()).isFalse();
            assertThat(m.wallNs()).isGreaterThanOrEqualTo(300_000_000L);
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }
}
