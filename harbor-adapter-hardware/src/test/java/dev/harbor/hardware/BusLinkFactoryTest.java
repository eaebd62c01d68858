package dev.harbor.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.hardware.simulator.SimulatedBuses;
import dev.harbor.hardware.simulator.SimulatorSettings;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The driver reaches exactly the buses its factory serves: simulated ones only when handed a simulator. */
class BusLinkFactoryTest {

    private static final Transport SIMULATED = new Transport.Simulated("line");

    @Test
    void the_real_links_serve_serial_and_tcp_but_not_simulated_transports() {
        BusLinkFactory real = BusLinkFactory.serialAndTcp();

        assertThat(real.linkFor(new Transport.Serial("/dev/ttyUSB0", 19_200))).isPresent();
        assertThat(real.linkFor(new Transport.Tcp("192.0.2.1", 5000))).isPresent();
        assertThat(real.linkFor(SIMULATED)).isEmpty();
    }

    @Test
    void a_composed_factory_asks_the_next_one_for_what_the_first_does_not_serve() {
        SimulatedBuses buses = new SimulatedBuses(SimulatorSettings.DEFAULTS);
        BusLinkFactory links = BusLinkFactory.serialAndTcp().or(buses.linkFactory());

        assertThat(links.linkFor(SIMULATED).orElseThrow().describe()).isEqualTo("simulated bus line");
        links.boardAttached(new BoardEndpoint(Protocol.KERONG_CU16, SIMULATED, 3, ProtocolOptions.DEFAULTS), 16);
        assertThat(buses.existing("line").orElseThrow().board(3)).isPresent();
    }

    @Test
    void a_gateway_without_a_simulator_refuses_a_simulated_controller_at_attach() {
        try (BusLockBoard boards = new BusLockBoard(
                new RecordingBoardObserver(),
                Clock.systemUTC(),
                BusLockBoardSettings.DEFAULTS,
                BusLinkFactory.serialAndTcp())) {
            assertThatThrownBy(() -> boards.attach(
                            ControllerId.of(1),
                            new BoardEndpoint(Protocol.KERONG_CU16, SIMULATED, 0, ProtocolOptions.DEFAULTS),
                            16))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("simulated");
        }
    }
}
