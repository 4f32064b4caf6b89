package dev.syscost.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syscost.InvalidSettingException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class BindFailureTest {
    @Test
    void shouldBlameThePrivilegedPortNotTheAddress() {
        RuntimeException e = MetricsServer.bindFailure("127.0.0.1", 80,
                new java.io.IOException("Failed to bind to /127.0.0.1:80", new BindException("Permission denied")));
        assertThat(e).isInstanceOf(InvalidSettingException.class).extracting(x -> ((InvalidSettingException) x).setting()).isEqualTo("port");
        assertThat(e.getMessage()).startsWith("port 80: ").contains("below 1024", "CAP_NET_BIND_SERVICE").doesNotContain("bind ");
    }

    @Test
    void shouldBlameTheAddressWhenItIsNotThisMachines() {
        RuntimeException e = MetricsServer.bindFailure("10.9.9.9", 9464,
                new java.io.IOException("x", new BindException("Cannot assign requested address")));
        assertThat(e).isInstanceOf(InvalidSettingException.class).extracting(x -> ((InvalidSettingException) x).setting()).isEqualTo("bind");
        assertThat(e.getMessage()).startsWith("bind 10.9.9.9: ").contains("pass an address of this machine");
    }
}
