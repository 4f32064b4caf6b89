package dev.syscost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.syscost.InvalidSettingException;
import dev.syscost.SettingNotPermittedException;
import dev.syscost.batch.AmortizeConfig;
import dev.syscost.batch.amortize.ScratchDir;
import dev.syscost.batch.ipc.IpcConfig;
import dev.syscost.batch.ipc.Transport;
import dev.syscost.bench.MeasureConfig;
import dev.syscost.indirect.IndirectConfig;
import dev.syscost.indirect.SizeParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domain's setting errors, worded as the flags: the same bytes the configs printed when they spoke CLI. */
class SettingFlagsTest {
    private static String worded(ThrowingCallable call) {
        InvalidSettingException e = catchThrowableOfType(InvalidSettingException.class, call);
        assertThat(e).as("an InvalidSettingException").isNotNull();
        return SettingFlags.word(e);
    }

    @Test
    void shouldWordEveryConfigsRuleAsItsFlag() {
        assertThat(worded(() -> MeasureConfig.defaults().withTrials(0))).isEqualTo("--trials must be between 1 and 1000: 0");
        assertThat(worded(() -> MeasureConfig.defaults().withPinCpu(2000))).isEqualTo("--pin must be between -1 and 1023: 2000");
        assertThat(worded(() -> AmortizeConfig.defaults().withSizes(List.of())))
                .isEqualTo("--sizes needs at least one size, e.g. --sizes 1,64,4k,1m");
        assertThat(worded(() -> AmortizeConfig.defaults().withSizes(List.of(0L)))).isEqualTo("--sizes must be between 1 and 1073741824: 0");
        assertThat(worded(() -> AmortizeConfig.defaults().withTargets(List.of())))
                .isEqualTo("--targets needs at least one target; choose from devnull, pipe, file, socketpair, tcp");
        assertThat(worded(() -> IpcConfig.defaults().withMessagesPerTrial(5))).isEqualTo("--messages must be between 10 and 10000000: 5");
        assertThat(worded(() -> IpcConfig.defaults().withMessageSizes(List.of()))).isEqualTo("--sizes is empty; give message sizes like 64,4k");
        assertThat(worded(() -> IndirectConfig.defaults().withKs(List.of()).validate()))
                .isEqualTo("--k needs at least one value besides never (the baseline is always measured); e.g. --k 1,16,256");
        assertThat(worded(() -> IndirectConfig.defaults().withWorkloads(List.of()).validate())).isEqualTo("--workloads needs at least one value");
        assertThat(worded(() -> IndirectConfig.defaults().withRunMs(0.1).validate())).isEqualTo("--run-ms must be between 0.5 and 1000: 0.1");
        assertThat(worded(() -> IndirectConfig.defaults().withBudgetSec(0).validate()))
                .isEqualTo("--budget must be between 1 and 86400 seconds: 0.0");
        assertThat(worded(() -> IndirectConfig.defaults().withWorkingSets(List.of(16385L)).validate()))
                .isEqualTo("--working-sets must be a multiple of 64 bytes: 16385");
        assertThat(worded(() -> IndirectConfig.defaults().withDisturbers(SizeParser.disturbers("fork"))))
                .isEqualTo("--disturbers: unknown disturber 'fork'; choose from getppid, pread_4k, sched_yield");
        assertThat(worded(() -> SizeParser.ks("often"))).isEqualTo("--k: 'often' is not a number or 'never'; write e.g. 1,16,256,never");
        assertThat(worded(() -> Transport.parseList(",")))
                .startsWith("--transports has an empty entry: ','; choose from pipe, unix_stream");
    }

    @Test
    void shouldWordATmpdirThatCannotHoldScratchFilesAsTheFlag(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("file"));
        assertThat(worded(() -> ScratchDir.create(file)))
                .isEqualTo("--tmpdir " + file + " is not a directory; pass an existing writable directory");
        assertThat(worded(() -> ScratchDir.create(Path.of("/proc/self"))))
                .startsWith("--tmpdir /proc/self is not writable (").endsWith("); pass a writable directory, e.g. --tmpdir /tmp");
    }

    @Test
    void shouldWordTheServeDaemonsRefusalsAsTheirFlags() {
        assertThat(worded(() -> dev.syscost.serve.ProcIoWatch.open(999999999)))
                .isEqualTo("--watch 999999999: no such process; pass the pid of a running process");
        assertThat(worded(() -> dev.syscost.profile.ProfileConfig.attach(-3))).isEqualTo("--pid must be a positive process id: -3");
    }

    @Test
    void shouldWordASettingNotPermittedAsItsFlagAndExitOne() {
        SettingNotPermittedException e = new SettingNotPermittedException("pid",
                "4242: not ours to profile (EPERM); run syscost as root or as the process's owner");
        assertThat(e.getMessage()).isEqualTo("pid 4242: not ours to profile (EPERM); run syscost as root or as the process's owner");
        assertThat(SettingFlags.messageOf(e))
                .isEqualTo("--pid 4242: not ours to profile (EPERM); run syscost as root or as the process's owner");
        assertThat(Main.exitCodeOf(e)).isEqualTo(Main.EXIT_RUNTIME);
        assertThat(Main.exitCodeOf(new InvalidSettingException("pid", "must be a positive process id", "0"))).isEqualTo(Main.EXIT_USAGE);
        assertThat(SettingFlags.messageOf(new IllegalStateException("as it is"))).isEqualTo("as it is");
    }

    @Test
    void shouldNameAFlagInKebabCaseUnlessMappedOtherwise() {
        assertThat(SettingFlags.flagOf("runMs")).isEqualTo("--run-ms");
        assertThat(SettingFlags.flagOf("trials")).isEqualTo("--trials");
        assertThat(SettingFlags.flagOf("workingSetsBytes")).isEqualTo("--working-sets");
    }
}
