package dev.harbor.hardware.mdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.domain.controller.Protocol;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Checks that happen before any socket is opened: these tests send nothing. */
class MdnsBindingTest {

    private static final JmdnsControllerDiscovery.GatewayAnnouncement GATEWAY =
            new JmdnsControllerDiscovery.GatewayAnnouncement("Harbor", 7070, "0.1.0", "gw-1");

    @Test
    void discovery_refuses_the_ipv4_wildcard_address() throws Exception {
        assertThatThrownBy(() -> JmdnsControllerDiscovery.start(InetAddress.getByName("0.0.0.0"), GATEWAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wildcard");
    }

    @Test
    void discovery_refuses_the_ipv6_wildcard_address() throws Exception {
        assertThatThrownBy(() -> JmdnsControllerDiscovery.start(InetAddress.getByName("::"), GATEWAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wildcard");
    }

    @Test
    void discovery_refuses_a_multicast_address_and_no_address() throws Exception {
        assertThatThrownBy(() -> JmdnsControllerDiscovery.start(InetAddress.getByName("224.0.0.251"), GATEWAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JmdnsControllerDiscovery.start(null, GATEWAY))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_announcer_refuses_the_wildcard_address() throws Exception {
        var board = new LockControllerAnnouncer.Board("Sim", 5000, Protocol.KERONG_CU16, 0, 16);

        assertThatThrownBy(() -> LockControllerAnnouncer.start(InetAddress.getByName("0.0.0.0"), board))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wildcard");
    }

    @Test
    void the_disabled_discovery_says_so_and_finds_nothing() {
        ControllerDiscovery disabled = ControllerDiscovery.DISABLED;

        assertThat(disabled.isEnabled()).isFalse();
        assertThat(disabled.scan(Duration.ofSeconds(3))).isEmpty();
    }
}
