package dev.harbor.domain.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeviceCommandTest {

    @Test
    void wire_names_are_the_seeds_command_names() {
        assertThat(Arrays.stream(DeviceCommand.values()).map(DeviceCommand::wireName))
                .containsExactly(
                        "book",
                        "cancel-booking",
                        "lock",
                        "unlock",
                        "force-lock",
                        "force-unlock",
                        "force-cancel-booking");
    }

    @Test
    void every_command_is_found_by_its_wire_name() {
        for (DeviceCommand command : DeviceCommand.values()) {
            assertThat(DeviceCommand.fromWireName(command.wireName())).contains(command);
        }
    }

    @Test
    void unknown_or_differently_spelled_names_find_no_command() {
        assertThat(DeviceCommand.fromWireName("FORCE_LOCK")).isEmpty();
        assertThat(DeviceCommand.fromWireName("Book")).isEmpty();
        assertThat(DeviceCommand.fromWireName("open")).isEmpty();
        assertThat(DeviceCommand.fromWireName(null)).isEmpty();
    }

    @Test
    void only_the_three_force_commands_are_force_commands() {
        assertThat(Arrays.stream(DeviceCommand.values()).filter(DeviceCommand::isForce))
                .containsExactly(
                        DeviceCommand.FORCE_LOCK, DeviceCommand.FORCE_UNLOCK, DeviceCommand.FORCE_CANCEL_BOOKING);
    }
}
