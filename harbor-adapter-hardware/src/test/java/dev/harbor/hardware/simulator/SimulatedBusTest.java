package dev.harbor.hardware.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import org.junit.jupiter.api.Test;

class SimulatedBusTest {

    private final SimulatedBus bus = new SimulatedBus("b", SimulatorSettings.DEFAULTS);

    @Test
    void adding_the_same_board_again_returns_the_existing_one() {
        SimulatedBoard first = bus.addBoard(Protocol.KERONG_CU16, 0, 4, ProtocolOptions.DEFAULTS);

        assertThat(bus.addBoard(Protocol.KERONG_CU16, 0, 4, ProtocolOptions.DEFAULTS))
                .isSameAs(first);
    }

    @Test
    void a_board_added_again_with_another_lock_count_is_resized() {
        bus.addBoard(Protocol.KERONG_CU16, 0, 4, ProtocolOptions.DEFAULTS);

        SimulatedBoard resized = bus.addBoard(Protocol.KERONG_CU16, 0, 6, ProtocolOptions.DEFAULTS);

        assertThat(resized.lockCount()).isEqualTo(6);
        assertThat(bus.board(0)).containsSame(resized);
    }

    @Test
    void a_bus_speaks_one_protocol() {
        bus.addBoard(Protocol.KERONG_CU16, 0, 4, ProtocolOptions.DEFAULTS);

        assertThatThrownBy(() -> bus.addBoard(Protocol.XOR8A, 1, 4, ProtocolOptions.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
