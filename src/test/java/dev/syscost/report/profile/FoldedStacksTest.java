package dev.syscost.report.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syscost.profile.stacks.CallStack;
import dev.syscost.profile.stacks.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldedStacksTest {
    private static final Frame WRITE = new Frame("write", "libc.so.6", "libc");
    private static final Frame TINY = new Frame("CallSites.tinyWrites", "[jit]", "java");
    private static final Frame MAIN = new Frame("CallSites.main", "[jit]", "java");
    private static final Frame ODD = new Frame("[unknown]", "lib;odd.so", "native");

    @Test
    void shouldWriteRootFirstWithTheSyscallAsABracketedLeafAndReadItBack() {
        List<CallStack> stacks = List.of(
                new CallStack(10, "write", 1_999_872, true, null, null, false, List.of(WRITE, TINY, MAIN)),
                new CallStack(10, "statx", 5, true, null, null, true, List.of(ODD, MAIN)));
        String text = FoldedStacks.render(stacks);
        assertThat(text).startsWith("CallSites.main;CallSites.tinyWrites;write;[write] 1999872\n");
        List<FoldedStacks.Line> back = FoldedStacks.parse(text);
        assertThat(back).containsExactly(
                new FoldedStacks.Line(List.of("CallSites.main", "CallSites.tinyWrites", "write"), "write", 1_999_872),
                new FoldedStacks.Line(List.of("CallSites.main", "[unknown] [lib:odd.so]"), "statx", 5));
    }

    @Test
    void shouldMergeTheSameStackFromTwoProcesses() {
        List<CallStack> stacks = List.of(
                new CallStack(10, "write", 3, true, null, null, false, List.of(WRITE, MAIN)),
                new CallStack(11, "write", 4, true, null, null, false, List.of(WRITE, MAIN)));
        assertThat(FoldedStacks.parse(FoldedStacks.render(stacks)))
                .containsExactly(new FoldedStacks.Line(List.of("CallSites.main", "write"), "write", 7));
    }

    @Test
    void shouldRefuseALineWithoutASyscallLeaf() {
        assertThatThrownBy(() -> FoldedStacks.parse("a;b 3\n")).hasMessageContaining("line 1").hasMessageContaining("[syscall]");
    }
}
