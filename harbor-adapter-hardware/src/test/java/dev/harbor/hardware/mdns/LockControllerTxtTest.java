package dev.harbor.hardware.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.ControllerDiscovery.Found;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LockControllerTxtTest {

    @Test
    void a_complete_announcement_becomes_a_found_controller() {
        var parsed = LockControllerTxt.parse(
                "Tower B", "192.0.2.20", 5000, Map.of("protocol", "kerong-cu48", "boardAddress", "0", "locks", "48"));

        assertThat(parsed.found()).isEqualTo(new Found("Tower B", "192.0.2.20", 5000, "kerong-cu48", 0, 48));
    }

    @Test
    void an_unknown_protocol_is_dropped() {
        assertThat(LockControllerTxt.parse(
                                "X", "192.0.2.20", 5000, Map.of("protocol", "bogus", "boardAddress", "1", "locks", "8"))
                        .found())
                .isNull();
    }

    @Test
    void a_board_address_the_protocol_cannot_have_is_dropped() {
        assertThat(LockControllerTxt.parse(
                                "X", "192.0.2.20", 5000, Map.of("protocol", "xor8a", "boardAddress", "0", "locks", "8"))
                        .droppedBecause())
                .contains("boardAddress");
    }

    @Test
    void too_many_locks_or_garbage_numbers_are_dropped() {
        assertThat(LockControllerTxt.parse(
                                "X",
                                "192.0.2.20",
                                5000,
                                Map.of("protocol", "kerong-cu16", "boardAddress", "1", "locks", "17"))
                        .found())
                .isNull();
        assertThat(LockControllerTxt.parse(
                                "X",
                                "192.0.2.20",
                                5000,
                                Map.of("protocol", "kerong-cu16", "boardAddress", "one", "locks", "16"))
                        .found())
                .isNull();
        assertThat(LockControllerTxt.parse(
                                "X",
                                "192.0.2.20",
                                5000,
                                Map.of("protocol", "kerong-cu16", "boardAddress", "99999999999", "locks", "16"))
                        .found())
                .isNull();
    }

    @Test
    void missing_fields_a_bad_port_or_no_address_are_dropped() {
        assertThat(LockControllerTxt.parse("X", "192.0.2.20", 5000, Map.of("protocol", "kerong-cu16"))
                        .found())
                .isNull();
        assertThat(LockControllerTxt.parse(
                                "X",
                                "192.0.2.20",
                                0,
                                Map.of("protocol", "kerong-cu16", "boardAddress", "1", "locks", "16"))
                        .found())
                .isNull();
        assertThat(LockControllerTxt.parse(
                                "X", null, 5000, Map.of("protocol", "kerong-cu16", "boardAddress", "1", "locks", "16"))
                        .found())
                .isNull();
    }
}
