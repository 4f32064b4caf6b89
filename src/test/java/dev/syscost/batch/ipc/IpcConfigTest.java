package dev.syscost.batch.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syscost.InvalidSettingException;
import dev.syscost.UsageException;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpcConfigTest {
    @Test
    void shouldKeepMessageSizesInOrderWithoutDuplicates() {
        assertThat(IpcConfig.messageSizes(List.of(64L, 4096L, 4096L, 1L << 20, 8L))).containsExactly(64, 4096, 1 << 20, 8);
    }

    @Test
    void shouldRejectZeroAndHugeSizesNamingTheRange() {
        assertThatThrownBy(() -> IpcConfig.messageSizes(List.of(0L))).isInstanceOf(InvalidSettingException.class)
                .hasMessage("messageSizesBytes must be between 8 and 1048576: 0");
        assertThatThrownBy(() -> IpcConfig.messageSizes(List.of(64L, 2L << 30))).isInstanceOf(InvalidSettingException.class)
                .hasMessage("messageSizesBytes must be between 8 and 1048576: 2147483648");
    }

    @Test
    void shouldRejectUnknownTransportListingTheChoices() {
        assertThatThrownBy(() -> Transport.parseList("pipe,carrier_pigeon")).isInstanceOf(UsageException.class)
                .hasMessage("unknown transport 'carrier_pigeon'; choose from pipe, unix_stream, tcp_loopback,"
                        + " shm_eventfd, shm_futex, shm_spin");
        assertThatThrownBy(() -> Transport.parseList("pipe,")).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("transports has an empty entry: 'pipe,'; choose from pipe");
    }

    @Test
    void shouldKeepTransportOrderWithoutDuplicates() {
        assertThat(Transport.parseList("shm_spin,pipe,shm_spin"))
                .containsExactly(Transport.SHM_SPIN, Transport.PIPE);
    }

    @Test
    void shouldRangeCheckMessagesAndTrials() {
        IpcConfig c = IpcConfig.quickDefaults();
        assertThatThrownBy(() -> c.withMessagesPerTrial(0)).hasMessage("messagesPerTrial must be between 10 and 10000000: 0");
        assertThatThrownBy(() -> c.withTrials(0)).hasMessage("trials must be between 1 and 100: 0");
        assertThat(c.withTrials(100).trials()).isEqualTo(100);
    }

    @Test
    void shouldShortenTrialsOnlyWhenTheRunWouldOverrun() {
        IpcConfig quick = IpcConfig.quickDefaults(); // 3 trials of 30 ms: 12 slots per transport and size
        assertThat(Ipc.trialBudgetNs(quick, 5_000_000_000L, 12)).isEqualTo(30_000_000L);
        assertThat(Ipc.trialBudgetNs(quick, 1_200_000_000L, 10)).isEqualTo(10_000_000L);
        assertThat(Ipc.trialBudgetNs(quick, -5, 3)).isEqualTo(5_000_000L); // late: the floor, never zero
    }

    @Test
    void shouldPlaceOnTwoCpusOrSayWhyNot() {
        BitSet two = new BitSet();
        two.set(2);
        two.set(5);
        CpuPlan d = CpuPlan.choose(Placement.DIFFERENT, two);
        assertThat(List.of(d.placement(), d.parentCpu(), d.childCpu(), d.twoCpus()))
                .containsExactly("different-cores", 2, 5, true);
        CpuPlan s = CpuPlan.choose(Placement.SAME, two);
        assertThat(List.of(s.placement(), s.parentCpu(), s.childCpu(), s.twoCpus()))
                .containsExactly("same-core", 2, 2, false);
        BitSet one = new BitSet();
        one.set(0);
        CpuPlan lone = CpuPlan.choose(Placement.DIFFERENT, one);
        assertThat(lone.placement()).isEqualTo("same-core");
        assertThat(lone.warnings()).singleElement().asString().contains("only one CPU");
    }

    @Test
    void shouldLayOutRingsOnSeparateCacheLines() {
        ShmLayout small = ShmLayout.forMessage(64);
        assertThat(small.slots()).isEqualTo(256);
        assertThat(small.slot(small.childToParent(), 0) % 64).isZero();
        assertThat(small.slot(0, 256)).isEqualTo(small.slot(0, 0));
        assertThat(small.slot(0, -1)).isEqualTo(small.slot(0, 255)); // the index wraps as an unsigned int
        ShmLayout big = ShmLayout.forMessage(1 << 20);
        assertThat(big.slots()).isEqualTo(4);
        assertThat(ShmLayout.forMessage(100).slot(0, 1) - ShmLayout.forMessage(100).slot(0, 0)).isEqualTo(128);
        assertThat(ShmLayout.forMessage(3000).slots()).isEqualTo(64); // 87 would fit; a power of two wraps cleanly
    }
}
