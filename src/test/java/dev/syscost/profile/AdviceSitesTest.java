package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.profile.stacks.CallStack;
import dev.syscost.profile.stacks.Frame;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdviceSitesTest {
    private static final Frame WRITE = new Frame("write", "libc.so.6", "libc");
    private static final Frame SINGLE = new Frame("writeSingle", "libjava.so", "jdk");
    private static final Frame FOS = new Frame("java.io.FileOutputStream.write", "[jit]", "jdk");
    private static final Frame EXPORTER = new Frame("Exporter.flush", "[jit]", "java");
    private static final Frame INTERP = new Frame("Interpreter", "[jit]", "interpreter");
    private static final Frame MAIN = new Frame("main", "prog", "native");

    private static CallStack stack(long n, Frame... frames) {
        return new CallStack(1, "write", n, true, null, null, false, List.of(frames));
    }

    @Test
    void shouldNameTheInnermostApplicationFramePastLibcTheJdkAndTheJvm() {
        CallStack s = stack(5, WRITE, SINGLE, FOS, EXPORTER, INTERP, MAIN);
        assertThat(s.site()).isEqualTo(EXPORTER);
        assertThat(s.via()).isEqualTo(FOS);
        // no code of the program's own: the interpreted caller is the lead
        assertThat(stack(5, WRITE, SINGLE, FOS, INTERP).site()).isEqualTo(INTERP);
        assertThat(stack(5, WRITE).site()).isEqualTo(WRITE);
    }

    @Test
    void shouldListTheTopSitesOfARuleWithTheirSummedCountsAndAFixForEach() {
        List<CallStack> stacks = List.of(stack(1_900_000, WRITE, SINGLE, FOS, EXPORTER, MAIN),
                stack(100_000, WRITE, SINGLE, FOS, EXPORTER, INTERP), stack(70_000, WRITE, MAIN),
                new CallStack(1, "statx", 50, true, null, null, false, List.of(WRITE, MAIN)));
        List<AdviceSites.Site> sites = AdviceSites.top("tiny-io", Set.of("write"), stacks);
        assertThat(sites).hasSize(2);
        assertThat(sites.get(0).site()).isEqualTo("Exporter.flush");
        assertThat(sites.get(0).count()).isEqualTo(2_000_000);
        assertThat(sites.get(0).via()).isEqualTo("java.io.FileOutputStream.write");
        assertThat(sites.get(0).fix()).contains("Exporter.flush", "BufferedOutputStream");
        assertThat(sites.get(1).site()).isEqualTo("main (prog)");
        assertThat(sites.get(1).fix()).contains("setvbuf");
    }

    @Test
    void shouldLeaveOutSitesBelowOnePercentOfTheRuleAndWordTheInterpreterAsWhatItIs() {
        List<CallStack> stacks = List.of(stack(338_561, WRITE, SINGLE, FOS, EXPORTER),
                stack(61_440, WRITE, SINGLE, FOS, INTERP), stack(75, WRITE, MAIN));
        List<AdviceSites.Site> sites = AdviceSites.top("tiny-io", Set.of("write"), stacks);
        assertThat(sites).extracting(AdviceSites.Site::site).containsExactly("Exporter.flush", "Interpreter");
        assertThat(sites.get(1).fix()).startsWith("in interpreted Java code").doesNotContain("in Interpreter");
    }
}
