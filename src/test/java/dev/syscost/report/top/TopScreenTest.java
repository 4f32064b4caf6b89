package dev.syscost.report.top;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.top.TopSnapshot;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text of {@code syscost top}, from seeded snapshots, under two default locales. */
class TopScreenTest {
    private static final Locale DEFAULT = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(DEFAULT);
    }

    static TopSnapshot seeded(int notShown) {
        TopSnapshot.Syscall read = new TopSnapshot.Syscall("read", 1_000_000, 200.0, false, 0.2);
        TopSnapshot.Syscall write = new TopSnapshot.Syscall("write", 1_000_000, 150.0, false, 0.15);
        TopSnapshot.Syscall futex = new TopSnapshot.Syscall("futex", 500, 100.0, true, 0.00005);
        TopSnapshot.Syscall poll = new TopSnapshot.Syscall("poll", 100, 100.0, true, 0.00001);
        return new TopSnapshot(TopSnapshot.SCHEMA, "eBPF on raw_syscalls:sys_enter", List.of(), 1.0, 2_000_600, 0.35006,
                100.0, "test seed", 16384, notShown, notShown * 10.0, List.of(read, write, futex, poll),
                List.of(new TopSnapshot.Process(4242, "dd", 2_000_000, 0.35, 0.55, false, List.of(read, write)),
                        new TopSnapshot.Process(7, "a-very-long-process-name", 600, 0.00006, null, true, List.of(futex, poll))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE"})
    void shouldRenderRowsTheSameInEveryLocale(String tag) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        String text = TopScreen.text(seeded(0), TopScreen.Sort.RATE, 40);
        assertThat(text).contains("syscost top - over 1.0 s   host 2,000,600 syscalls/s   tax 35.0% of a CPU   entry floor 100 ns")
                .contains("   4242 dd                 2,000,000    35.0   55.0  read 1,000,000  write 1,000,000")
                .contains("      7 a-very-long-pro          600     0.0      -  futex 500  poll 100  (exited)");
    }

    @Test
    void shouldSortByTaxAndSayHowManyProcessesTheFullMapHides() {
        TopSnapshot s = seeded(3);
        assertThat(TopScreen.sorted(s, TopScreen.Sort.TAX).get(0).pid()).isEqualTo(4242);
        assertThat(TopScreen.header(s, TopScreen.Sort.TAX, "[paused]").get(0)).endsWith("sort: tax   [paused]");
        assertThat(TopScreen.header(s, TopScreen.Sort.TAX, "").get(3))
                .startsWith("3 processes not shown: the map of 16384 (process, syscall) pairs is full");
    }

    @Test
    void shouldBreakDownOneProcessNamingWhatPricesEachSyscall() {
        List<String> lines = TopScreen.breakdown(seeded(0).processes().get(1));
        assertThat(lines.get(0)).startsWith("pid 7  a-very-long-process-name (exited): 600 syscalls/s");
        assertThat(String.join("\n", lines)).contains("futex", "entry floor (lower bound)");
    }

    @Test
    void shouldSayInOneLineThatTheTerminalIsTooSmall() {
        assertThat(TopScreen.tooSmall(5, 40)).isEqualTo("terminal 40x5 too small: top needs 60x8 (q quits)").hasSizeLessThan(50);
    }
}
