package dev.harbor.hardware.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.rule.InvalidValueException;
import org.junit.jupiter.api.Test;

/** The simulator's command line: its defaults are the domain's, so it agrees with the API. */
class SimulatorMainTest {

    @Test
    void a_kerong_cu48_board_runs_at_19200_baud_unless_told_otherwise() {
        SimulatorMain.Options options =
                SimulatorMain.parse(new String[] {"--protocol", "kerong-cu48", "--socat", "/tmp/x", "--pace"});

        assertThat(options.protocol()).isEqualTo(Protocol.KERONG_CU48);
        assertThat(options.baud()).isEqualTo(19_200);
        assertThat(options.settings().pacingBaud()).isEqualTo(19_200);
    }

    @Test
    void every_protocol_defaults_to_its_factory_baud_rate_and_lowest_address() {
        for (Protocol protocol : Protocol.boards()) {
            SimulatorMain.Options options =
                    SimulatorMain.parse(new String[] {"--protocol", protocol.id(), "--tcp", "0"});

            assertThat(options.baud()).as(protocol.id()).isEqualTo(protocol.factoryBaudRate());
            assertThat(options.address()).as(protocol.id()).isEqualTo(protocol.minAddress());
        }
    }

    @Test
    void a_baud_rate_given_wins_over_the_default() {
        assertThat(SimulatorMain.parse(new String[] {"--protocol", "kerong-cu48", "--tcp", "0", "--baud", "9600"})
                        .baud())
                .isEqualTo(9_600);
    }

    @Test
    void an_unknown_protocol_or_impossible_board_is_refused_naming_the_field() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--protocol", "bogus", "--tcp", "0"}))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("protocol"));
        assertThatThrownBy(() ->
                        SimulatorMain.parse(new String[] {"--protocol", "kerong-cu16", "--tcp", "0", "--locks", "17"}))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("locks"));
        assertThatThrownBy(() -> SimulatorMain.parse(
                        new String[] {"--protocol", "kerong-cu16", "--tcp", "0", "--address", "9", "--boards", "2"}))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("boardAddress"));
    }
}
