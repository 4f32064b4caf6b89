package dev.syscost.indirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syscost.InvalidSettingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndirectConfigTest {
    @Test
    void shouldAcceptTheWorkingSetBoundaries() {
        assertThat(IndirectConfig.defaults().withWorkingSets(List.of(16L << 10, 64L << 20)).validate().workingSetsBytes())
                .containsExactly(16L << 10, 64L << 20);
    }

    @Test
    void shouldRefuseAWorkingSetBelowTheRange() {
        assertThatThrownBy(() -> IndirectConfig.defaults().withWorkingSets(List.of(8192L)).validate())
                .isInstanceOf(InvalidSettingException.class).hasMessage("workingSetsBytes must be between 16384 and 67108864: 8192");
    }

    @Test
    void shouldRefuseAWorkingSetAboveTheRange() {
        assertThatThrownBy(() -> IndirectConfig.defaults().withWorkingSets(List.of(65L << 20)).validate())
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("workingSetsBytes must be between 16384 and 67108864");
    }

    @Test
    void shouldTreatNeverAsTheBaselineThatIsAlwaysRun() {
        assertThat(SizeParser.ks("1, 16,never,1048576")).containsExactly(1, 16, 1048576);
    }

    @Test
    void shouldRefuseKOutOfRange() {
        assertThatThrownBy(() -> SizeParser.ks("0")).isInstanceOf(InvalidSettingException.class)
                .hasMessage("ks must be between 1 and 1048576: 0");
        assertThatThrownBy(() -> SizeParser.ks("1048577")).isInstanceOf(InvalidSettingException.class)
                .hasMessage("ks must be between 1 and 1048576: 1048577");
        assertThatThrownBy(() -> SizeParser.ks("often")).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'often' is not a number or 'never'");
    }

    @Test
    void shouldRefuseOnlyNever() {
        IndirectConfig c = IndirectConfig.defaults().withKs(SizeParser.ks("never"));
        assertThatThrownBy(c::validate).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ks needs at least one value besides never");
    }

    @Test
    void shouldNameTheValidDisturbers() {
        assertThatThrownBy(() -> SizeParser.disturbers("getppid,fork")).isInstanceOf(InvalidSettingException.class)
                .hasMessage("disturbers: unknown disturber 'fork'; choose from getppid, pread_4k, sched_yield");
        assertThat(SizeParser.disturbers("SCHED_YIELD,getppid,getppid")).containsExactly(Disturber.SCHED_YIELD, Disturber.GETPPID);
    }

    @Test
    void shouldRefuseAnUnknownWorkload() {
        assertThatThrownBy(() -> SizeParser.workloads("matrix")).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("unknown workload 'matrix'; choose from chase, branchy");
    }

    @Test
    void shouldRangeCheckRoundsRunLengthAndBudget() {
        assertThatThrownBy(() -> IndirectConfig.defaults().withRounds(5).validate()).hasMessage("rounds must be between 6 and 1000: 5");
        assertThatThrownBy(() -> IndirectConfig.defaults().withRunMs(0.1).validate()).hasMessageContaining("runMs must be between 0.5 and 1000");
        assertThatThrownBy(() -> IndirectConfig.defaults().withBudgetSec(0).validate()).hasMessageContaining("budgetSec must be between 1 and 86400");
    }

    @Test
    void shouldRefuseAWorkingSetThatIsNotWholeLines() {
        IndirectConfig c = IndirectConfig.defaults().withWorkingSets(List.of((16L << 10) + 1));
        assertThatThrownBy(c::validate).hasMessage("workingSetsBytes must be a multiple of 64 bytes: 16385");
    }

    @Test
    void shouldKeepTheDefaultGridWithinItsRanges() {
        assertThat(IndirectConfig.defaults().validate().ks()).containsExactly(1, 4, 16, 64, 256, 1024);
        assertThat(IndirectConfig.quickDefaults().validate().budgetSec()).isLessThan(10);
    }
}
