package dev.harbor.bikeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbor.application.port.RemoteDevices.Kind;
import dev.harbor.application.port.RemoteDevices.RemoteDevice;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.bikeep.client.BikeepClient;
import dev.harbor.bikeep.client.CommandRecord.CommandEvent;
import dev.harbor.bikeep.client.CommandRecord.CommandState;
import dev.harbor.bikeep.client.Device;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.health.Health;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping decisions the simulator cannot provoke: values Bikeep may send that Harbor does not know. */
class BikeepDeviceMappingTest {

    private static final Instant READ_AT = Instant.parse("2026-05-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-05-01T07:59:58Z");
    private static final Instant T2 = Instant.parse("2026-05-01T07:59:59Z");

    private final BikeepRemoteDevices adapter = new BikeepRemoteDevices(
            BikeepClient.builder()
                    .authUrl(URI.create("http://127.0.0.1:9"))
                    .apiUrl(URI.create("http://127.0.0.1:9"))
                    .credentials("demo", "demo-secret-123")
                    .build(),
            Clock.fixed(READ_AT, ZoneOffset.UTC));

    @Test
    void an_unknown_state_type_and_health_become_no_state_other_and_never_heard() {
        RemoteDevice d = BikeepRemoteDevices.device(new Device(
                "d1",
                "SCOOTER_DOCK",
                "1",
                "123456",
                new Device.DeviceState("MAINTENANCE", T1, null),
                "NORMAL",
                new Device.Heartbeat("FLAKY", T1)));

        assertThat(d.kind()).isEqualTo(Kind.OTHER);
        assertThat(d.state()).isNull();
        assertThat(d.stateChangedAt()).isEqualTo(T1);
        assertThat(d.health()).isEqualTo(Health.LONG_DEAD);
        assertThat(d.deadSince()).isNull();
    }

    @Test
    void a_known_state_and_a_dead_devices_dead_since_pass_through() {
        RemoteDevice d = BikeepRemoteDevices.device(new Device(
                "d1",
                "LOCKER",
                "1",
                "123456",
                new Device.DeviceState("BOOKED", T1, T2),
                "NORMAL",
                new Device.Heartbeat("DEAD", T1)));

        assertThat(d.state()).isEqualTo(DeviceState.BOOKED);
        assertThat(d.stateTimeoutAt()).isEqualTo(T2);
        assertThat(d.health()).isEqualTo(Health.DEAD);
        assertThat(d.deadSince()).isEqualTo(T1);
    }

    @Test
    void an_error_without_reason_gets_one_and_a_final_state_loses_its_deadline() {
        CommandRecord r = adapter.record(
                new dev.harbor.bikeep.client.CommandRecord(
                        "c1",
                        "book",
                        "d1",
                        new CommandState("ERROR", null, T2),
                        List.of(
                                new CommandEvent("REQUEST_INITIATED", null, T1),
                                new CommandEvent("RESPONSE_ERROR", null, T2))),
                null,
                null);

        assertThat(r.state()).isEqualTo(dev.harbor.domain.command.CommandState.ERROR);
        assertThat(r.reason()).isEqualTo("Bikeep gave no reason");
        assertThat(r.timeoutAt()).isNull();
        assertThat(r.command()).isEqualTo(DeviceCommand.BOOK);
        assertThat(r.changedAt()).isEqualTo(T2);
    }

    @Test
    void an_unknown_event_name_is_sanitized_and_an_undated_event_gets_the_read_time() {
        CommandRecord r = adapter.record(
                new dev.harbor.bikeep.client.CommandRecord(
                        "c1",
                        "lock",
                        "d1",
                        new CommandState("RECEIVED", "ignored outside ERROR", T2),
                        List.of(new CommandEvent("arm released", "left", null))),
                null,
                null);

        assertThat(r.reason()).isNull();
        assertThat(r.timeoutAt()).isEqualTo(T2);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("RESPONSE_ARM_RELEASED");
            assertThat(e.value()).isEqualTo("left");
            assertThat(e.timestamp()).isEqualTo(READ_AT);
        });
        assertThat(r.changedAt()).isEqualTo(READ_AT);
    }

    @Test
    void the_answer_to_our_own_post_falls_back_to_what_we_sent() {
        CommandRecord r = adapter.record(
                new dev.harbor.bikeep.client.CommandRecord(
                        "c1", null, null, new CommandState("SENT", null, T2), List.of()),
                "d1",
                DeviceCommand.UNLOCK);

        assertThat(r.deviceId()).isEqualTo("d1");
        assertThat(r.command()).isEqualTo(DeviceCommand.UNLOCK);
        assertThat(r.changedAt()).isEqualTo(READ_AT);
    }

    @Test
    void a_read_command_in_a_state_harbor_does_not_know_is_no_usable_answer() {
        RemoteSiteException e = catchThrowableOfType(
                RemoteSiteException.class,
                () -> adapter.record(
                        new dev.harbor.bikeep.client.CommandRecord(
                                "c1", "book", "d1", new CommandState("QUEUED", null, null), List.of()),
                        null,
                        null));

        assertThat(e.kind()).isEqualTo(RemoteSiteException.Kind.UNAVAILABLE);
    }
}
