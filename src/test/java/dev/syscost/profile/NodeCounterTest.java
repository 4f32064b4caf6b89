package dev.syscost.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.sys.Libc;
import dev.syscost.sys.SyscallTable;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The system-wide in-kernel counter of {@code top} and {@code serve --node}, for real. */
class NodeCounterTest {
    @BeforeAll
    static void needBpf() {
        Workloads.assumeBpf();
    }

    @Test
    void shouldCountExactlyThisProcesssGetppidCalls() {
        int n = 100_000;
        int self = (int) ProcessHandle.current().pid();
        long key = NodeCounter.key(self, SyscallTable.x86_64().number("getppid"));
        try (NodeCounter c = NodeCounter.open(NodeCounter.DEFAULT_MAX_ENTRIES)) {
            long before = c.read().counts().getOrDefault(key, 0L);
            long sink = 0;
            for (int i = 0; i < n; i++) {
                sink += Libc.getppid();
            }
            assertThat(sink).isPositive();
            // other threads of this JVM make no getppid calls
            assertThat(c.read().counts().get(key) - before).isEqualTo(n);
        }
    }

    @Test
    void shouldCountCallsThatFindATinyMapFullAndNameTheirProcesses() throws Exception {
        try (NodeCounter c = NodeCounter.open(1)) {
            for (int i = 0; i < 1000; i++) {
                Libc.getppid();
                Libc.getpid();
            }
            new ProcessBuilder("/bin/true").start().waitFor();
            NodeCounter.Reading r = c.read();
            assertThat(r.counts()).hasSize(1);
            assertThat(r.droppedCalls()).isGreaterThanOrEqualTo(1000);
            assertThat(r.overflow()).containsKey((int) ProcessHandle.current().pid());
        }
    }

    @Test
    void shouldForgetKeys() {
        int self = (int) ProcessHandle.current().pid();
        long key = NodeCounter.key(self, SyscallTable.x86_64().number("getppid"));
        try (NodeCounter c = NodeCounter.open(64)) {
            Libc.getppid();
            assertThat(c.read().counts()).containsKey(key);
            c.forget(List.of(key), List.of());
            assertThat(c.read().counts().getOrDefault(key, 0L)).isLessThanOrEqualTo(0L);
        }
    }
}
