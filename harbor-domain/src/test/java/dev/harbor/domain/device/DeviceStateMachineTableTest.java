package dev.harbor.domain.device;

import static dev.harbor.domain.device.DeviceTransitionGrid.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.domain.device.DeviceTransitionGrid.Cell;
import dev.harbor.domain.device.Transition.Ignored;
import dev.harbor.domain.device.Transition.Moved;
import dev.harbor.domain.device.Transition.Refused;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeviceStateMachineTableTest {

    private final DeviceStateMachine machine = new DeviceStateMachine(DeviceTimeouts.DEFAULTS);

    static Stream<Cell> everyCell() {
        return DeviceTransitionGrid.cells().stream();
    }

    @Test
    void the_table_has_a_row_for_every_input_and_a_column_for_every_state() {
        List<Cell> cells = DeviceTransitionGrid.cells();
        var inputs = new ArrayList<String>();
        Arrays.stream(DeviceCommand.values()).map(DeviceCommand::wireName).forEach(inputs::add);
        Arrays.stream(HardwareEvent.values()).map(Enum::name).forEach(inputs::add);
        inputs.add("TIMEOUT");

        var missing = new ArrayList<String>();
        for (DeviceState state : DeviceState.values()) {
            for (String input : inputs) {
                boolean covered = cells.stream()
                        .anyMatch(cell ->
                                cell.status().state() == state && cell.input().equals(input));
                if (!covered) {
                    missing.add(state + " + " + input);
                }
            }
        }
        Set<String> rows = cells.stream().map(Cell::input).collect(Collectors.toSet());

        assertThat(missing)
                .as("(state, input) pairs without an expected outcome")
                .isEmpty();
        assertThat(rows).as("rows that are not inputs").containsExactlyInAnyOrderElementsOf(inputs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCell")
    void every_state_and_input_pair_has_the_outcome_written_in_the_table(Cell cell) {
        DeviceStatus before = cell.status();
        DeviceInput input = DeviceTransitionGrid.input(cell.input());

        Transition transition = machine.apply(before, input, NOW);

        assertThat(transition.input()).isEqualTo(input);
        switch (cell.expected()) {
            case "refused":
                assertThat(transition).isInstanceOf(Refused.class);
                assertThat(transition.status()).isSameAs(before);
                break;
            case "ignored":
                assertThat(transition).isInstanceOf(Ignored.class);
                assertThat(transition.status()).isSameAs(before);
                break;
            default:
                assertMoved(cell, before, input, transition);
        }
    }

    private static void assertMoved(Cell cell, DeviceStatus before, DeviceInput input, Transition transition) {
        assertThat(transition).isInstanceOf(Moved.class);
        var moved = (Moved) transition;
        DeviceState expected = DeviceState.valueOf(cell.expected().replace("!", ""));
        assertThat(moved.from()).isSameAs(before);
        assertThat(moved.to().state()).isEqualTo(expected);
        assertThat(moved.to().changedAt()).isEqualTo(NOW);
        assertThat(moved.anomalyReason().isPresent())
                .as("anomaly recorded")
                .isEqualTo(cell.expected().endsWith("!"));
        assertThat(moved.to().holder()).isEqualTo(expectedHolder(before, input, expected));
    }

    private static String expectedHolder(DeviceStatus before, DeviceInput input, DeviceState to) {
        if (to == DeviceState.UNLOCKED) {
            return null;
        }
        if (before.state() == DeviceState.UNLOCKED && input instanceof DeviceInput.Command command) {
            return command.holder();
        }
        return before.holder();
    }
}
