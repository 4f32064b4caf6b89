package dev.syscost.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagedFileTest {
    @Test
    void shouldReadFourKibAndLeaveNoFileBehind(@TempDir Path dir) throws Exception {
        try (PagedFile f = PagedFile.createTemp(dir, 16 * 4096); Arena arena = Arena.ofConfined()) {
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).as("unlinked as soon as it is open").isEmpty();
            }
            MemorySegment buf = arena.allocate(4096, 4096);
            assertThat(f.pread(buf, 4096, 4096)).isEqualTo(4096);
            assertThat(buf.get(ValueLayout.JAVA_BYTE, 1)).isEqualTo((byte) ((4097 * 31 + 7)));
            assertThat(f.pread(buf, 4096, f.sizeBytes())).as("at end of file").isZero();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
