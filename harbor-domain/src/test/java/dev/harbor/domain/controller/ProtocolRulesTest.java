package dev.harbor.domain.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.domain.rule.InvalidValueException;
import org.junit.jupiter.api.Test;

class ProtocolRulesTest {

    @Test
    void kerong_boards_leave_the_factory_at_19200_baud_and_xor8a_boards_at_9600() {
        assertThat(Protocol.KERONG_CU16.factoryBaudRate()).isEqualTo(19_200);
        assertThat(Protocol.KERONG_CU48.factoryBaudRate()).isEqualTo(19_200);
        assertThat(Protocol.XOR8A.factoryBaudRate()).isEqualTo(9_600);
    }

    @Test
    void a_lock_count_outside_the_protocols_range_is_refused_naming_the_field() {
        assertThat(Protocol.KERONG_CU16.requireLockCount("lockerCount", 16)).isEqualTo(16);
        for (int count : new int[] {0, -1, 17}) {
            assertThatThrownBy(() -> Protocol.KERONG_CU16.requireLockCount("lockerCount", count))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("lockerCount"))
                    .hasMessageContaining("1-16 lockers");
        }
    }

    @Test
    void a_board_address_outside_the_protocols_range_is_refused_naming_boardAddress() {
        assertThat(Protocol.XOR8A.requireAddress(32)).isEqualTo(32);
        assertThatThrownBy(() -> Protocol.XOR8A.requireAddress(0))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("boardAddress"))
                .hasMessageContaining("1-32");
        assertThatThrownBy(() -> new BoardEndpoint(
                        Protocol.KERONG_CU16, new Transport.Simulated("bus"), 10, ProtocolOptions.DEFAULTS))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void an_unknown_protocol_id_is_refused_listing_the_known_ones_and_cutting_a_long_id() {
        assertThat(Protocol.requireId("kerong-cu48")).isEqualTo(Protocol.KERONG_CU48);
        assertThatThrownBy(() -> Protocol.requireId("x".repeat(500)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("protocol"))
                .hasMessageContaining("Unknown protocol")
                .hasMessageContaining("xor8a, kerong-cu16, kerong-cu48")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
        assertThatThrownBy(() -> Protocol.requireId(null)).hasMessageContaining("protocol is required");
    }
}
