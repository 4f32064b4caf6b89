package dev.syscost.profile.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.Linker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ELF reader on real files of this machine, and the symbolizer on this JVM's own memory map. */
class ElfSymbolsTest {
    private static String selfMaps() throws IOException {
        return Files.readString(Path.of("/proc/self/maps"));
    }

    private static Path mapped(String module) throws IOException {
        return ProcMaps.parse(selfMaps()).mappings().stream().filter(m -> m.module().equals(module))
                .map(m -> Path.of(m.path())).findFirst().orElseThrow(() -> new AssertionError(module + " not mapped"));
    }

    @Test
    void shouldReadLibcsBuildIdAndExportedFunctions() throws IOException {
        ElfSymbols libc = ElfSymbols.read(mapped("libc.so.6"));
        assertThat(libc.buildId()).matches("[0-9a-f]{40}");
        long write = libc.addressOf("write");
        assertThat(write).isPositive();
        // the symbol at the address is write or one of its aliases, and it starts there
        String at = libc.symbolAt(write + 1);
        assertThat(at).isNotNull();
        assertThat(libc.addressOf(at)).isEqualTo(write);
        assertThat(libc.symbolAt(0)).isNull();
    }

    @Test
    void shouldReadTheJdksLibjava() throws IOException {
        Path libjava = Path.of(System.getProperty("java.home"), "lib", "libjava.so");
        ElfSymbols elf = ElfSymbols.read(libjava);
        long a = elf.addressOf("Java_java_io_FileOutputStream_writeBytes");
        assertThat(a).isPositive();
        assertThat(elf.symbolAt(a)).isEqualTo("Java_java_io_FileOutputStream_writeBytes");
    }

    @Test
    void shouldRefuseAFileThatIsNotElf(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("text"), "#!/bin/sh\necho not elf, but long enough for a header ............................................\n");
        assertThatThrownBy(() -> ElfSymbols.read(f)).isInstanceOf(IOException.class).hasMessageContaining("not a 64-bit");
    }

    @Test
    void shouldResolveARuntimeAddressThroughTheLoadBias() throws IOException {
        // libc is a shared object loaded at a random base: the maps' offset and the PT_LOAD segments undo it
        long write = Linker.nativeLinker().defaultLookup().find("write").orElseThrow().address();
        Symbolizer s = new Symbolizer();
        int pid = (int) ProcessHandle.current().pid();
        s.addMaps(pid, ProcMaps.parse(selfMaps()));
        Frame f = s.resolve(pid, write, false);
        assertThat(f.module()).isEqualTo("libc.so.6");
        assertThat(f.kind()).isEqualTo("libc");
        assertThat(ElfSymbols.read(mapped("libc.so.6")).addressOf(f.symbol()))
                .isEqualTo(ElfSymbols.read(mapped("libc.so.6")).addressOf("write"));
    }

    @Test
    void shouldNameAnAddressNoMappingHoldsAndRefuseAReturnAddressThere() throws IOException {
        Symbolizer s = new Symbolizer();
        s.addMaps(7, ProcMaps.parse(selfMaps()));
        assertThat(s.resolve(7, 0x10, false)).isEqualTo(new Frame("0x10", "[unmapped]", "unknown"));
        assertThat(s.resolve(7, 0x10, true)).isNull();
        assertThat(s.resolve(8, 0x10, false).module()).isEqualTo("[exited]");
    }

    @Test
    void shouldDemangleNestedCxxNamesWithoutTheirParameters() {
        assertThat(Demangler.demangle("_ZN9JavaCalls11call_helperEP9JavaValueRK12methodHandleP17JavaCallArgumentsP10JavaThread"))
                .isEqualTo("JavaCalls::call_helper");
        assertThat(Demangler.demangle("_ZN2os13commit_memoryEPcmb")).isEqualTo("os::commit_memory");
        assertThat(Demangler.demangle("_ZN6ThreadD2Ev")).isEqualTo("Thread::~Thread");
        assertThat(Demangler.demangle("_Z8functionv")).isEqualTo("function");
        assertThat(Demangler.demangle("write")).isEqualTo("write");
    }
}
