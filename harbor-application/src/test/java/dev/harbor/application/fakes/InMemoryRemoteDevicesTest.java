package dev.harbor.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.port.CommandOutcomeUnknownException;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.contract.RemoteDevicesContract;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.health.Health;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRemoteDevicesTest extends RemoteDevicesContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private InMemoryRemoteDevices remote;

    @Override
    protected Site openSite() {
        remote = new InMemoryRemoteDevices(clock);
        return new Site() {
            @Override
            public RemoteDevices devices() {
                return remote;
            }

            @Override
            public String addLocation(String type, String name, int devices) {
                return remote.addLocation(type, devices);
            }

            @Override
            public List<String> lockerIds(String locationId) {
                return remote.lockerIds(locationId);
            }

            @Override
            public void letCommandsRun() {
                remote.step();
            }

            @Override
            public void goOffline() {
                remote.goOffline(true);
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void an_offline_devices_command_stays_sent_until_its_deadline_then_ends_in_error() {
        remote.setDeviceOnline(locker, false);
        CommandRecord sent = remote.send(locker, DeviceCommand.BOOK, null);

        remote.step();
        assertThat(remote.command(sent.id()).state()).isEqualTo(CommandState.SENT);
        assertThat(remote.device(locker).health()).isEqualTo(Health.DEAD);

        clock.advance(InMemoryRemoteDevices.COMMAND_TIMEOUT);
        remote.step();

        CommandRecord done = remote.command(sent.id());
        assertThat(done.state()).isEqualTo(CommandState.ERROR);
        assertThat(done.reason()).contains("offline");
        assertThat(remote.device(locker).state()).isEqualTo(DeviceState.UNLOCKED);
    }

    @Test
    void a_lost_answer_is_outcome_unknown_and_the_command_reached_the_cloud_once() {
        remote.loseNextAnswer();

        assertThatThrownBy(() -> remote.send(locker, DeviceCommand.BOOK, null))
                .isInstanceOfSatisfying(
                        CommandOutcomeUnknownException.class,
                        e -> assertThat(e.deviceId()).isEqualTo(locker));

        assertThat(remote.commandsReceived()).isEqualTo(1);
        assertThat(remote.device(locker).state()).isEqualTo(DeviceState.ALLOCATED);
    }

    @Test
    void a_second_command_while_one_is_in_flight_is_refused_as_busy() {
        remote.send(locker, DeviceCommand.BOOK, null);
        remote.step();
        remote.step();
        remote.send(locker, DeviceCommand.CANCEL_BOOKING, null);

        CommandRecord second = remote.send(locker, DeviceCommand.LOCK, null);

        assertThat(second.state()).isEqualTo(CommandState.ERROR);
        assertThat(second.reason()).startsWith("DEVICE_BUSY");
    }
}
