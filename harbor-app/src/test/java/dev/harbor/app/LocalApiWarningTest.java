package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up WARN about an open Local API is for addresses other machines can reach. */
class LocalApiWarningTest {

    @Test
    void only_loopback_addresses_count_as_this_machine_only() {
        assertThat(HarborServer.isLoopback("127.0.0.1")).isTrue();
        assertThat(HarborServer.isLoopback("::1")).isTrue();
        assertThat(HarborServer.isLoopback("localhost")).isTrue();
        assertThat(HarborServer.isLoopback("0.0.0.0")).isFalse();
        assertThat(HarborServer.isLoopback("192.168.1.20")).isFalse();
        assertThat(HarborServer.isLoopback("no-such-host.invalid")).isFalse();
    }
}
