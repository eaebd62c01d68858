package dev.harbor.bikeep.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BikeepClientCommandTest {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private BikeepSimulator sim;
    private String location;
    private BikeepClient client;

    @BeforeEach
    void start() {
        sim = BikeepSimulator.start(Simulated.settings());
        location = sim.addLocation("BIKE_LOCKERS", "Office A", 3);
        client = Simulated.client(sim).build();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void a_location_and_its_devices_are_read_with_bikeeps_fields() {
        Location read = client.locations().get(0);
        assertThat(read.id()).isEqualTo(location);
        assertThat(read.type()).isEqualTo("BIKE_LOCKERS");
        assertThat(read.name()).contains("Office A");

        List<Device> devices = client.devices(location);
        assertThat(devices).filteredOn(Device::isGuard).isNotEmpty();
        assertThat(devices)
                .filteredOn(d -> "LOCKER".equals(d.type()))
                .extracting(Device::id)
                .containsExactlyInAnyOrderElementsOf(lockers());
        Device locker = client.device(lockers().get(0));
        assertThat(locker.state().value()).isEqualTo("UNLOCKED");
        assertThat(locker.heartbeat().isAlive()).isTrue();
    }

    @Test
    void a_book_command_is_polled_to_success_and_the_device_is_booked() throws InterruptedException {
        String locker = lockers().get(0);
        Instant until = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        CommandRecord sent = client.sendCommand(locker, DeviceCommand.BOOK, until);
        CommandRecord done = client.awaitCommand(sent.id(), POLL, WAIT);

        assertThat(sent.name()).isEqualTo("book");
        assertThat(sent.deviceId()).isEqualTo(locker);
        assertThat(done.state().isSuccess()).as(done.toString()).isTrue();
        assertThat(done.events()).isNotEmpty();
        Device booked = client.device(locker);
        assertThat(booked.state().value()).isEqualTo("BOOKED");
        assertThat(booked.state().timeoutAt()).isEqualTo(until);
    }

    @Test
    void a_command_to_an_offline_device_is_polled_to_error_with_a_reason() throws InterruptedException {
        String locker = lockers().get(1);
        sim.setDeviceOnline(locker, false);

        CommandRecord sent = client.sendCommand(locker, DeviceCommand.UNLOCK);
        CommandRecord done = client.awaitCommand(sent.id(), POLL, WAIT);

        assertThat(done.state().isError()).as(done.toString()).isTrue();
        assertThat(done.state().reason()).isNotBlank();
    }

    @Test
    void polling_stops_when_the_caller_says_done() throws InterruptedException {
        String locker = lockers().get(2);
        sim.neverSecure(locker, true);

        CommandRecord sent = client.sendCommand(locker, DeviceCommand.LOCK);
        CommandRecord received = client.awaitCommand(
                sent.id(),
                POLL,
                WAIT,
                record -> "RECEIVED".equals(record.state().value()));

        assertThat(received.state().value()).isEqualTo("RECEIVED");
        assertThat(client.device(locker).state().value()).isEqualTo("LOCKING");
    }

    @Test
    void polling_gives_up_at_the_timeout_with_the_last_record() throws InterruptedException {
        String locker = lockers().get(2);
        sim.neverSecure(locker, true);

        CommandRecord sent = client.sendCommand(locker, DeviceCommand.LOCK);
        CommandRecord last = client.awaitCommand(sent.id(), POLL, Duration.ofMillis(400));

        assertThat(last.state().isFinished()).isFalse();
    }

    @Test
    void a_timeout_is_refused_for_a_command_other_than_book() {
        assertThatThrownBy(() -> client.sendCommand(lockers().get(0), DeviceCommand.LOCK, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.requests())
                .noneMatch(r -> r.method().equals("POST") && r.path().endsWith("/commands"));
    }

    private List<String> lockers() {
        return client.devices(location).stream()
                .filter(d -> !d.isGuard())
                .map(Device::id)
                .toList();
    }
}
