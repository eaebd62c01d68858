package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteDevices.Kind;
import dev.harbor.application.port.RemoteDevices.RemoteDevice;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.domain.command.CommandEvent;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.health.Health;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RemoteDevices}: the in-memory fake and the Bikeep adapter (against the
 * Bikeep cloud simulator) both pass it.
 */
public abstract class RemoteDevicesContract {

    /** A remote site under test, and the levers a test needs on it. */
    protected interface Site extends AutoCloseable {
        RemoteDevices devices();

        /** @param type {@code BIKE_LOCKERS} or {@code BIKE_DOCKS}; @return the location id */
        String addLocation(String type, String name, int devices);

        /** The ids of the location's lockers or docks (not its gateways), in alias order. */
        List<String> lockerIds(String locationId);

        /**
         * Lets commands in flight make progress: a fake moves them one step, a real cloud only
         * needs a moment.
         */
        void letCommandsRun();

        /** From now on the cloud cannot be reached. */
        void goOffline();

        @Override
        void close();
    }

    protected abstract Site openSite();

    protected Site site;
    protected String location;
    protected String locker;

    @BeforeEach
    void open() {
        site = openSite();
        location = site.addLocation("BIKE_LOCKERS", "Office A", 2);
        locker = site.lockerIds(location).get(0);
    }

    @AfterEach
    void close() {
        site.close();
    }

    /** Polls a command until it is final, letting the site run between reads; fails after a bound. */
    protected CommandRecord finished(CommandRecord sent) {
        CommandRecord current = sent;
        for (int i = 0; i < 100 && !current.state().isFinal(); i++) {
            site.letCommandsRun();
            sleep(50);
            current = site.devices().command(sent.id());
        }
        assertThat(current.state().isFinal())
                .as("command %s finished, it is %s", sent.id(), current.state())
                .isTrue();
        return current;
    }

    @Test
    public void a_locations_devices_come_in_alias_order_numeric_first_with_their_kinds() {
        String docks = site.addLocation("BIKE_DOCKS", "Station B", 11);

        List<RemoteDevice> devices = site.devices().devices(docks);

        List<RemoteDevice> drivable =
                devices.stream().filter(d -> d.kind() != Kind.GUARD).toList();
        assertThat(drivable)
                .extracting(RemoteDevice::alias)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(drivable).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Kind.BIKE_DOCK);
            assertThat(d.state()).isEqualTo(DeviceState.UNLOCKED);
            assertThat(d.health()).isEqualTo(Health.HEALTHY);
            assertThat(d.deadSince()).isNull();
        });
        assertThat(devices).extracting(RemoteDevice::kind).contains(Kind.GUARD);
        assertThat(devices.subList(0, 11)).isEqualTo(drivable);
        assertThat(site.devices().devices(location))
                .filteredOn(d -> d.kind() != Kind.GUARD)
                .extracting(RemoteDevice::kind)
                .containsExactly(Kind.LOCKER, Kind.LOCKER);
    }

    @Test
    public void one_device_is_read_by_id() {
        RemoteDevice device = site.devices().device(locker);

        assertThat(device.id()).isEqualTo(locker);
        assertThat(device.kind()).isEqualTo(Kind.LOCKER);
        assertThat(device.alias()).isEqualTo("1");
        assertThat(device.code()).isNotBlank();
        assertThat(device.state()).isEqualTo(DeviceState.UNLOCKED);
        assertThat(device.stateTimeoutAt()).isNull();
        assertThat(device.isOnline()).isTrue();
    }

    @Test
    public void a_book_reaches_success_and_the_device_is_booked_until_the_given_time() {
        Instant until = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        CommandRecord sent = site.devices().send(locker, DeviceCommand.BOOK, until);

        assertThat(sent.id()).isNotBlank();
        assertThat(sent.deviceId()).isEqualTo(locker);
        assertThat(sent.command()).isEqualTo(DeviceCommand.BOOK);
        assertThat(sent.state()).isIn(CommandState.SENT, CommandState.RECEIVED, CommandState.SUCCESS);
        assertThat(sent.events()).extracting(CommandEvent::name).startsWith("REQUEST_INITIATED");

        CommandRecord done = finished(sent);

        assertThat(done.state()).isEqualTo(CommandState.SUCCESS);
        assertThat(done.reason()).isNull();
        assertThat(done.timeoutAt()).isNull();
        RemoteDevice booked = site.devices().device(locker);
        assertThat(booked.state()).isEqualTo(DeviceState.BOOKED);
        assertThat(booked.stateTimeoutAt()).isEqualTo(until);
    }

    @Test
    public void a_command_that_does_not_fit_the_devices_state_ends_in_error_with_a_reason() {
        CommandRecord sent = site.devices().send(locker, DeviceCommand.UNLOCK, null);

        CommandRecord done = finished(sent);

        assertThat(done.state()).isEqualTo(CommandState.ERROR);
        assertThat(done.reason()).isNotBlank();
        assertThat(site.devices().device(locker).state()).isEqualTo(DeviceState.UNLOCKED);
    }

    @Test
    public void a_force_unlock_frees_a_booked_device() {
        finished(site.devices().send(locker, DeviceCommand.BOOK, null));

        CommandRecord done = finished(site.devices().send(locker, DeviceCommand.FORCE_UNLOCK, null));

        assertThat(done.state()).isEqualTo(CommandState.SUCCESS);
        assertThat(site.devices().device(locker).state()).isEqualTo(DeviceState.UNLOCKED);
    }

    @Test
    public void a_booking_time_is_only_for_book() {
        assertThatThrownBy(() -> site.devices()
                        .send(locker, DeviceCommand.LOCK, Instant.now().plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void an_unknown_device_location_or_command_is_not_found() {
        assertThat(kindOf(() -> site.devices().device("no-such-device"))).isEqualTo(RemoteSiteException.Kind.NOT_FOUND);
        assertThat(kindOf(() -> site.devices().send("no-such-device", DeviceCommand.BOOK, null)))
                .isEqualTo(RemoteSiteException.Kind.NOT_FOUND);
        assertThat(kindOf(() -> site.devices().devices("no-such-location")))
                .isEqualTo(RemoteSiteException.Kind.NOT_FOUND);
        assertThat(kindOf(() -> site.devices().command("no-such-command")))
                .isEqualTo(RemoteSiteException.Kind.NOT_FOUND);
    }

    @Test
    public void a_site_that_cannot_be_reached_is_unavailable_and_a_command_is_not_outcome_unknown() {
        site.devices().devices(location);
        site.goOffline();

        assertThat(kindOf(() -> site.devices().devices(location))).isEqualTo(RemoteSiteException.Kind.UNAVAILABLE);
        assertThat(kindOf(() -> site.devices().device(locker))).isEqualTo(RemoteSiteException.Kind.UNAVAILABLE);
        // refused before anything left: provably not delivered, so the caller may try again later
        assertThat(kindOf(() -> site.devices().send(locker, DeviceCommand.BOOK, null)))
                .isEqualTo(RemoteSiteException.Kind.UNAVAILABLE);
    }

    private static RemoteSiteException.Kind kindOf(Runnable call) {
        RemoteSiteException e = catchThrowableOfType(RemoteSiteException.class, call::run);
        assertThat(e).as("a RemoteSiteException").isNotNull();
        return e.kind();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
