package dev.syscost.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FaultLogTest {
    @Test
    void shouldLogOneLinePerFaultClassAtMostOnceAMinute() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong();
        FaultLog log = new FaultLog(lines::add, TimeUnit.MINUTES.toNanos(1), now::get);
        for (int i = 0; i < 10_000; i++) {
            log.fault("client gone");
            log.fault("bad request");
        }
        assertThat(lines).containsExactly("client gone", "bad request");
        now.addAndGet(TimeUnit.SECONDS.toNanos(59));
        log.fault("client gone");
        assertThat(lines).hasSize(2);
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        log.fault("client gone");
        assertThat(lines).hasSize(3).last().isEqualTo("client gone (and 10000 more since the last such line)");
    }
}
