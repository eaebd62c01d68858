package dev.harbor.domain.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.domain.rule.InvalidValueException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointFieldsTest {

    private static Map<String, Object> board(String protocol, Map<String, Object> transport) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("protocol", protocol);
        fields.put("transport", transport);
        fields.put("boardAddress", 1);
        return fields;
    }

    @Test
    void a_serial_line_without_baud_rate_gets_the_factory_setting_of_each_protocol() {
        for (Protocol protocol : Protocol.boards()) {
            BoardEndpoint endpoint =
                    EndpointFields.endpoint(board(protocol.id(), Map.of("type", "serial", "port", "/dev/ttyUSB0")));

            assertThat(endpoint.transport())
                    .isEqualTo(new Transport.Serial("/dev/ttyUSB0", protocol.factoryBaudRate()));
        }
    }

    @Test
    void absent_options_are_the_defaults_and_given_ones_are_read() {
        Map<String, Object> fields = board("xor8a", Map.of("type", "tcp", "host", "10.0.0.7", "port", 5000));
        assertThat(EndpointFields.endpoint(fields).options()).isEqualTo(ProtocolOptions.DEFAULTS);

        fields.put("options", Map.of("feedbackPolarity", "SET_MEANS_OPEN"));
        assertThat(EndpointFields.endpoint(fields).options().feedbackPolarity())
                .isEqualTo(ProtocolOptions.FeedbackPolarity.SET_MEANS_OPEN);
    }

    @Test
    void every_refusal_names_the_path_of_its_field() {
        Object[][] cases = {
            {board("kerong-cu99", Map.of("type", "simulated", "bus", "b")), "protocol"},
            {board("xor8a", null), "transport"},
            {board("xor8a", Map.of("type", "usb")), "transport.type"},
            {board("xor8a", Map.of("type", "serial", "port", 5)), "transport.port"},
            {board("xor8a", Map.of("type", "tcp", "host", "h", "port", "5000")), "transport.port"},
            {board("xor8a", Map.of("type", "tcp", "host", "h", "port", 5000, "bus", "x")), "transport.bus"},
            {board("xor8a", Map.of("type", "serial", "port", "/dev/x", "baudRate", 12)), "transport.baudRate"},
            {board("xor8a", Map.of("type", "tcp", "host", "h", "port", 70_000)), "transport.port"},
            {board("xor8a", Map.of("type", "tcp", "host", "h".repeat(256), "port", 5000)), "transport.host"},
            {board("xor8a", Map.of("type", "simulated", "bus", " ")), "transport.bus"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) c[0];
            assertThatThrownBy(() -> EndpointFields.endpoint(fields))
                    .as(c[1].toString())
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo(c[1]));
        }
    }

    @Test
    void a_board_address_is_required_and_checked_against_the_protocol() {
        Map<String, Object> fields = board("kerong-cu16", Map.of("type", "simulated", "bus", "b"));
        fields.put("boardAddress", 10);
        assertThatThrownBy(() -> EndpointFields.endpoint(fields))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("boardAddress"))
                .hasMessageContaining("board address 10 is out of range 0-9");
        fields.remove("boardAddress");
        assertThatThrownBy(() -> EndpointFields.endpoint(fields)).hasMessage("boardAddress is required");
    }

    @Test
    void a_moved_board_keeps_protocol_options_and_whatever_is_not_given() {
        BoardEndpoint current =
                new BoardEndpoint(Protocol.KERONG_CU16, new Transport.Simulated("a"), 3, ProtocolOptions.DEFAULTS);

        assertThat(EndpointFields.moved(current, Map.of("type", "simulated", "bus", "b"), null))
                .isEqualTo(new BoardEndpoint(
                        Protocol.KERONG_CU16, new Transport.Simulated("b"), 3, ProtocolOptions.DEFAULTS));
        assertThat(EndpointFields.moved(current, null, 4).boardAddress()).isEqualTo(4);
    }

    @Test
    void a_simulated_board_without_a_bus_asks_for_a_bus_of_its_own_that_clashes_with_nothing() {
        BoardEndpoint own = EndpointFields.endpoint(board("kerong-cu16", Map.of("type", "simulated")));
        BoardEndpoint other = EndpointFields.endpoint(board("kerong-cu16", Map.of("type", "simulated")));

        assertThat(own.transport()).isEqualTo(Transport.Simulated.ownBus());
        assertThat(own.hasUnnamedBus()).isTrue();
        assertThat(own.clashesWith(other)).isFalse();
        assertThat(own.clashesWith(own)).isFalse();
    }

    @Test
    void a_board_on_the_bus_named_for_it_satisfies_a_wish_for_a_bus_of_its_own_and_nothing_else() {
        BoardEndpoint wanted =
                new BoardEndpoint(Protocol.KERONG_CU16, Transport.Simulated.ownBus(), 3, ProtocolOptions.DEFAULTS);
        BoardEndpoint stored = new BoardEndpoint(
                Protocol.KERONG_CU16, new Transport.Simulated("sim-1a2b3c4d"), 3, ProtocolOptions.DEFAULTS);

        assertThat(stored.satisfies(wanted)).isTrue();
        assertThat(stored.satisfies(stored)).isTrue();
        assertThat(stored.withTransport(new Transport.Tcp("h", 5000)).satisfies(wanted))
                .isFalse();
        assertThat(new BoardEndpoint(Protocol.KERONG_CU16, new Transport.Simulated("x"), 4, ProtocolOptions.DEFAULTS)
                        .satisfies(wanted))
                .isFalse();
        assertThat(stored.satisfies(stored.withTransport(new Transport.Simulated("other"))))
                .isFalse();
    }
}
