package dev.syscost.profile.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerfMapTest {
    private static final String MAP = """
            0x00007f1e43940000 0x0000000000001000 Interpreter
            0x00007f1e43ed2300 0x0000000000000200 void W.tinyWrites(java.io.FileOutputStream, int)
            7f1e43ed1d00 100 void java.io.FileOutputStream.write(int, boolean)
            0x00007f1e43938f00 0x0000000000000100 StubRoutines (initialstubs)
            not a line
            0x00007f1e43ed2300 0x0000000000000080 int W.recompiled()
            """;

    @Test
    void shouldFindTheCodeHoldingAnAddress() {
        PerfMap m = PerfMap.parse(MAP);
        assertThat(m.size()).isEqualTo(5);
        assertThat(m.symbolAt(0x7f1e43940438L)).isEqualTo("Interpreter");
        assertThat(m.symbolAt(0x7f1e43ed1d72L)).isEqualTo("void java.io.FileOutputStream.write(int, boolean)");
        assertThat(m.symbolAt(0x7f1e43ed1e00L)).isNull(); // one past the end
        assertThat(m.symbolAt(0x1000)).isNull();
    }

    @Test
    void shouldPreferTheLaterLineWhereCodeWasReplacedAtTheSameAddress() {
        PerfMap m = PerfMap.parse(MAP);
        assertThat(m.symbolAt(0x7f1e43ed2310L)).isEqualTo("int W.recompiled()");
        // past the newer (shorter) code, the older entry still covers the address
        assertThat(m.symbolAt(0x7f1e43ed23bcL)).isEqualTo("void W.tinyWrites(java.io.FileOutputStream, int)");
    }

    @Test
    void shouldNameJavaMethodsAndKeepStubNames() {
        assertThat(PerfMap.javaMethod("void W.tinyWrites(java.io.FileOutputStream, int)")).isEqualTo("W.tinyWrites");
        assertThat(PerfMap.javaMethod("StubRoutines (initialstubs)")).isEqualTo("StubRoutines (initialstubs)");
        assertThat(PerfMap.javaMethod("Interpreter")).isEqualTo("Interpreter");
        assertThat(Symbolizer.jitFrame("void W.tinyWrites(java.io.FileOutputStream, int)")).isEqualTo(new Frame("W.tinyWrites", "[jit]", "java"));
        assertThat(Symbolizer.jitFrame("long sun.nio.fs.UnixNativeDispatcher.stat0(long, long)").kind()).isEqualTo("jdk");
        assertThat(Symbolizer.jitFrame("Interpreter").kind()).isEqualTo("interpreter");
        assertThat(Symbolizer.jitFrame("StubRoutines (initialstubs)").kind()).isEqualTo("jvm");
    }

    @Test
    void shouldParseMapsLines() {
        ProcMaps m = ProcMaps.parse("""
                55d0a0000000-55d0a0001000 r-xp 00002000 08:01 1234 /usr/bin/prog
                7f0000000000-7f0000002000 rwxp 00000000 00:00 0
                garbage
                """);
        assertThat(m.find(0x55d0a0000010L)).isEqualTo(new ProcMaps.Mapping(0x55d0a0000000L, 0x55d0a0001000L, true, 0x2000, "/usr/bin/prog"));
        assertThat(m.find(0x7f0000001000L).path()).isEmpty();
        assertThat(m.find(0x55d0a0001000L)).isNull();
    }
}
