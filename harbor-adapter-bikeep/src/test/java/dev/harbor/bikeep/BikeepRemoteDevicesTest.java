package dev.harbor.bikeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbor.application.port.CommandOutcomeUnknownException;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteDevices.Kind;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.application.port.contract.RemoteDevicesContract;
import dev.harbor.bikeep.client.BikeepClient;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import dev.harbor.domain.command.CommandEvent;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.health.Health;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Bikeep adapter passes the remote-devices contract against the Bikeep cloud simulator, over loopback HTTP. */
class BikeepRemoteDevicesTest extends RemoteDevicesContract {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(1000);

    private BikeepSimulator sim;

    private BikeepClient.Builder client() {
        return BikeepClient.builder()
                .authUrl(sim.baseUri())
                .apiUrl(sim.baseUri())
                .credentials(sim.settings().clientId(), sim.settings().clientSecret())
                .retries(2, Duration.ofMillis(10), Duration.ofMillis(50));
    }

    @Override
    protected Site openSite() {
        // commands are delivered and done within ~100 ms; the SENT deadline is short so that an offline
        // device's command ends quickly, yet far longer than a delivery on a busy machine
        sim = BikeepSimulator.start(BikeepSimulator.Settings.defaults()
                .withCommandDelays(Duration.ofMillis(50), Duration.ofMillis(50))
                .withCommandTimeout(COMMAND_TIMEOUT)
                .withPort(0));
        BikeepRemoteDevices devices = new BikeepRemoteDevices(client().build());
        return new Site() {
            @Override
            public RemoteDevices devices() {
                return devices;
            }

            @Override
            public String addLocation(String type, String name, int count) {
                return sim.addLocation(type, name, count);
            }

            @Override
            public List<String> lockerIds(String locationId) {
                return sim.deviceIds(locationId);
            }

            @Override
            public void letCommandsRun() {
                // the simulator moves commands by its own clock
            }

            @Override
            public void goOffline() {
                sim.refuseConnections(true);
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    @Test
    void an_offline_devices_command_ends_in_error_after_its_timeout_and_the_device_is_dead() {
        sim.setDeviceOnline(locker, false);

        CommandRecord sent = site.devices().send(locker, DeviceCommand.BOOK, null);
        assertThat(sent.state()).isEqualTo(CommandState.SENT);
        assertThat(sent.timeoutAt()).isNotNull();

        CommandRecord done = finished(sent);

        assertThat(done.state()).isEqualTo(CommandState.ERROR);
        assertThat(done.reason()).contains("offline");
        assertThat(done.events()).extracting(CommandEvent::name).contains("RESPONSE_ERROR");
        var device = site.devices().device(locker);
        assertThat(device.health()).isEqualTo(Health.DEAD);
        assertThat(device.deadSince()).isNotNull();
        assertThat(device.isOnline()).isFalse();
        assertThat(device.state()).isEqualTo(DeviceState.UNLOCKED);
    }

    @Test
    void a_command_whose_answer_is_lost_is_outcome_unknown_and_was_posted_exactly_once() {
        BikeepRemoteDevices impatient = new BikeepRemoteDevices(
                client().requestTimeout(Duration.ofMillis(300)).build());
        impatient.devices(location);
        sim.delayResponses(Duration.ofMillis(1500));

        assertThatThrownBy(() -> impatient.send(locker, DeviceCommand.BOOK, null))
                .isInstanceOfSatisfying(CommandOutcomeUnknownException.class, e -> {
                    assertThat(e.deviceId()).isEqualTo(locker);
                    assertThat(e.command()).isEqualTo(DeviceCommand.BOOK);
                })
                .isNotInstanceOf(RemoteSiteException.class);

        sim.delayResponses(Duration.ZERO);
        String commands = "/device/v1/devices/" + locker + "/commands";
        assertThat(sim.requests())
                .filteredOn(r -> r.method().equals("POST") && r.path().equals(commands))
                .hasSize(1);
        // the command did arrive: re-reading the device tells
        assertThat(site.devices().device(locker).state()).isIn(DeviceState.ALLOCATED, DeviceState.BOOKED);
    }

    @Test
    void a_guard_has_no_state_and_tells_the_locations_health() {
        List<RemoteDevices.RemoteDevice> devices = site.devices().devices(location);

        assertThat(devices.get(devices.size() - 1)).satisfies(guard -> {
            assertThat(guard.kind()).isEqualTo(Kind.GUARD);
            assertThat(guard.state()).isNull();
            assertThat(guard.health()).isEqualTo(Health.HEALTHY);
        });
    }

    @Test
    void a_bikeep_5xx_on_a_command_after_the_retries_is_unavailable_with_its_correlation_id() {
        sim.failNext(503, 10);

        RemoteSiteException e = catchThrowableOfType(
                RemoteSiteException.class, () -> site.devices().send(locker, DeviceCommand.BOOK, null));

        assertThat(e.kind()).isEqualTo(RemoteSiteException.Kind.UNAVAILABLE);
        assertThat(e.correlationId()).isPresent();
    }

    @Test
    void bikeeps_own_event_names_pass_and_others_are_made_into_responses() {
        assertThat(BikeepRemoteDevices.eventName("RESPONSE_DEVICE_LOCKED")).isEqualTo("RESPONSE_DEVICE_LOCKED");
        assertThat(BikeepRemoteDevices.eventName("REQUEST_RECEIVED")).isEqualTo("REQUEST_RECEIVED");
        assertThat(BikeepRemoteDevices.eventName("request.sent")).isEqualTo("REQUEST_SENT");
        assertThat(BikeepRemoteDevices.eventName("state-changed")).isEqualTo("STATE_CHANGED");
        assertThat(BikeepRemoteDevices.eventName("door opened!")).isEqualTo("RESPONSE_DOOR_OPENED");
        assertThat(BikeepRemoteDevices.eventName("Ä")).isEqualTo("RESPONSE_UNNAMED");
        assertThat(BikeepRemoteDevices.eventName(null)).isEqualTo("RESPONSE_UNNAMED");
    }

    @Test
    void aliases_sort_numerically_before_text_and_a_missing_alias_last() {
        List<String> aliases = new java.util.ArrayList<>(java.util.Arrays.asList("C1", null, "10", "2", "B", "1"));

        aliases.sort(BikeepRemoteDevices.ALIAS_ORDER);

        assertThat(aliases).containsExactly("1", "2", "10", "B", "C1", null);
    }
}
