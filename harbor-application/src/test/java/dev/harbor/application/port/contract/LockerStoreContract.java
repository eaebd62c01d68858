package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.ControllerStore.Registered;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ReasonCode;
import dev.harbor.domain.locker.ServiceState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.harbor.application.port.LockerStore}. */
public abstract class LockerStoreContract extends StoreContract {

    /** Every component set: a book command waiting for its acknowledgement. */
    private static final DeviceStatus ALLOCATED_FOR_BOOKING = new DeviceStatus(
            DeviceState.ALLOCATED,
            T0.plusSeconds(1),
            T0.plusSeconds(11),
            "order-1",
            DeviceState.BOOKED,
            DeviceState.UNLOCKED,
            T0.plusSeconds(3600));

    @Test
    public void lockers_are_listed_by_id_and_per_controller_by_bank_locker_number() {
        Registered first = controllerWith(2);
        Registered second = controllerWith(3);

        assertThat(stores.lockers().findAll())
                .extracting(Locker::id)
                .containsExactly(
                        first.lockers().get(0).id(),
                        first.lockers().get(1).id(),
                        second.lockers().get(0).id(),
                        second.lockers().get(1).id(),
                        second.lockers().get(2).id());
        assertThat(stores.lockers().findByController(second.controller().id()))
                .containsExactlyElementsOf(second.lockers())
                .extracting(Locker::bankLockerNumber)
                .containsExactly(1, 2, 3);
        assertThat(stores.lockers().find(first.lockers().get(1).id()))
                .contains(first.lockers().get(1));
    }

    @Test
    public void an_unknown_locker_is_not_found_and_cannot_be_changed() {
        LockerId unknown = LockerId.of(424_242);

        assertThat(stores.lockers().find(unknown)).isEmpty();
        assertThat(stores.lockers().compareAndSetDevice(unknown, free(T0), ALLOCATED_FOR_BOOKING))
                .isFalse();
        assertThat(stores.lockers().updateService(unknown, ServiceState.IN_SERVICE))
                .isFalse();
        assertThat(stores.lockers().updateDoorOpen(unknown, true)).isFalse();
    }

    @Test
    public void compare_and_set_writes_the_next_status_and_every_component_reads_back_exactly() {
        LockerId id = freeLockers(1).get(0);

        assertThat(stores.lockers().compareAndSetDevice(id, free(T0), ALLOCATED_FOR_BOOKING))
                .isTrue();

        assertThat(stores.lockers().find(id).orElseThrow().device()).isEqualTo(ALLOCATED_FOR_BOOKING);
        DeviceStatus locking = new DeviceStatus(
                DeviceState.LOCKING,
                T0.plusSeconds(2),
                T0.plusSeconds(62),
                "order-1",
                null,
                DeviceState.BOOKED,
                T0.plusSeconds(7200));
        assertThat(stores.lockers().compareAndSetDevice(id, ALLOCATED_FOR_BOOKING, locking))
                .isTrue();
        assertThat(stores.lockers().find(id).orElseThrow().device()).isEqualTo(locking);
    }

    @Test
    public void compare_and_set_rejects_a_stale_expected_status_whichever_component_differs() {
        LockerId id = freeLockers(1).get(0);
        stores.lockers().compareAndSetDevice(id, free(T0), ALLOCATED_FOR_BOOKING);
        DeviceStatus s = ALLOCATED_FOR_BOOKING;
        DeviceStatus next = new DeviceStatus(DeviceState.LOCKED, T0.plusSeconds(9), null, "order-1", null, null, null);
        List<DeviceStatus> stale = List.of(
                free(T0),
                new DeviceStatus(
                        s.state(),
                        s.changedAt().plusMillis(1),
                        s.timeoutAt(),
                        s.holder(),
                        s.pendingState(),
                        s.returnState(),
                        s.bookingExpiresAt()),
                new DeviceStatus(
                        s.state(),
                        s.changedAt(),
                        s.timeoutAt().plusMillis(1),
                        s.holder(),
                        s.pendingState(),
                        s.returnState(),
                        s.bookingExpiresAt()),
                new DeviceStatus(
                        s.state(),
                        s.changedAt(),
                        s.timeoutAt(),
                        "order-2",
                        s.pendingState(),
                        s.returnState(),
                        s.bookingExpiresAt()),
                new DeviceStatus(
                        s.state(),
                        s.changedAt(),
                        s.timeoutAt(),
                        null,
                        s.pendingState(),
                        s.returnState(),
                        s.bookingExpiresAt()),
                // lock while booked: pending and return state differ (the status refuses either alone)
                new DeviceStatus(
                        s.state(),
                        s.changedAt(),
                        s.timeoutAt(),
                        s.holder(),
                        DeviceState.LOCKING,
                        DeviceState.BOOKED,
                        s.bookingExpiresAt()),
                new DeviceStatus(
                        s.state(), s.changedAt(), s.timeoutAt(), s.holder(), s.pendingState(), s.returnState(), null),
                new DeviceStatus(
                        s.state(),
                        s.changedAt(),
                        s.timeoutAt(),
                        s.holder(),
                        s.pendingState(),
                        s.returnState(),
                        s.bookingExpiresAt().plusMillis(1)));

        for (DeviceStatus expected : stale) {
            assertThat(stores.lockers().compareAndSetDevice(id, expected, next))
                    .as("expected %s", expected)
                    .isFalse();
        }
        assertThat(stores.lockers().find(id).orElseThrow().device()).isEqualTo(ALLOCATED_FOR_BOOKING);
    }

    @Test
    public void compare_and_set_compares_times_to_the_millisecond_they_are_kept_to() {
        LockerId id = freeLockers(1).get(0);
        Instant precise = T0.plusNanos(456_789);
        DeviceStatus written = new DeviceStatus(DeviceState.LOCKED, precise, null, null, null, null, null);

        assertThat(stores.lockers().compareAndSetDevice(id, free(T0), written)).isTrue();

        DeviceStatus stored = stores.lockers().find(id).orElseThrow().device();
        assertThat(stored.changedAt()).isEqualTo(T0);
        assertThat(stores.lockers().compareAndSetDevice(id, written, free(T0.plusSeconds(1))))
                .isTrue();
    }

    @Test
    public void of_many_concurrent_compare_and_sets_from_the_same_status_exactly_one_wins() throws Exception {
        LockerId id = freeLockers(1).get(0);

        List<Boolean> results = Concurrently.run(
                16,
                n -> stores.lockers()
                        .compareAndSetDevice(
                                id,
                                free(T0),
                                new DeviceStatus(
                                        DeviceState.LOCKED, T0.plusMillis(n + 1), null, null, null, null, null)));

        assertThat(results).containsOnlyOnce(true);
        int winner = results.indexOf(true);
        assertThat(stores.lockers().find(id).orElseThrow().device().changedAt()).isEqualTo(T0.plusMillis(winner + 1));
    }

    @Test
    public void taking_a_locker_out_of_service_and_back_keeps_its_device_status() {
        LockerId id = freeLockers(1).get(0);
        stores.lockers().compareAndSetDevice(id, free(T0), ALLOCATED_FOR_BOOKING);
        ServiceState broken = ServiceState.outOfService(ReasonCode.HARDWARE_FAILURE, "hinge broken");

        assertThat(stores.lockers().updateService(id, broken)).isTrue();
        Locker out = stores.lockers().find(id).orElseThrow();
        assertThat(out.service()).isEqualTo(broken);
        assertThat(out.device()).isEqualTo(ALLOCATED_FOR_BOOKING);

        assertThat(stores.lockers().updateService(id, ServiceState.IN_SERVICE)).isTrue();
        assertThat(stores.lockers().find(id).orElseThrow().service()).isEqualTo(ServiceState.IN_SERVICE);
    }

    @Test
    public void the_door_sensor_reading_is_open_closed_or_unknown() {
        LockerId id = freeLockers(1).get(0);
        assertThat(stores.lockers().find(id).orElseThrow().doorOpen()).isNull();

        stores.lockers().updateDoorOpen(id, true);
        assertThat(stores.lockers().find(id).orElseThrow().doorOpen()).isTrue();
        stores.lockers().updateDoorOpen(id, false);
        assertThat(stores.lockers().find(id).orElseThrow().doorOpen()).isFalse();
        stores.lockers().updateDoorOpen(id, null);
        assertThat(stores.lockers().find(id).orElseThrow().doorOpen()).isNull();
    }

    @Test
    public void a_remote_devices_new_alias_and_code_are_written() {
        Registered location = locationWith(
                "loc-1", ExternalDevice.bikeep("dev-a", "1", "111"), ExternalDevice.bikeep("dev-b", "2", "222"));
        LockerId id = location.lockers().get(0).id();

        assertThat(stores.lockers().updateExternal(id, ExternalDevice.bikeep("dev-a", "7", null)))
                .isTrue();

        Locker updated = stores.lockers().find(id).orElseThrow();
        assertThat(updated.external()).isEqualTo(ExternalDevice.bikeep("dev-a", "7", null));
        assertThat(updated.withExternal(location.lockers().get(0).external()))
                .isEqualTo(location.lockers().get(0));
        assertThat(stores.lockers()
                        .find(location.lockers().get(1).id())
                        .orElseThrow()
                        .external())
                .isEqualTo(ExternalDevice.bikeep("dev-b", "2", "222"));
    }

    @Test
    public void the_device_a_locker_stands_for_never_changes() {
        Registered location = locationWith(
                "loc-1", ExternalDevice.bikeep("dev-a", "1", "111"), ExternalDevice.bikeep("dev-b", "2", "222"));
        LockerId id = location.lockers().get(0).id();
        LockerId own = freeLockers(1).get(0);

        assertThat(stores.lockers().updateExternal(id, ExternalDevice.bikeep("dev-b", "9", "999")))
                .isFalse();
        assertThat(stores.lockers().updateExternal(id, new ExternalDevice("elsewhere", "dev-a", "9", "999")))
                .isFalse();
        assertThat(stores.lockers().updateExternal(own, ExternalDevice.bikeep("dev-c", "9", "999")))
                .isFalse();
        assertThat(stores.lockers().updateExternal(LockerId.of(424_242), ExternalDevice.bikeep("dev-a", "9", "999")))
                .isFalse();

        assertThat(stores.lockers().find(id).orElseThrow())
                .isEqualTo(location.lockers().get(0));
        assertThat(stores.lockers()
                        .find(location.lockers().get(1).id())
                        .orElseThrow()
                        .external())
                .isEqualTo(ExternalDevice.bikeep("dev-b", "2", "222"));
        assertThat(stores.lockers().find(own).orElseThrow().external()).isNull();
    }

    @Test
    public void an_external_locker_keeps_its_device_through_status_service_and_door_changes() {
        ExternalDevice device = ExternalDevice.bikeep("dev-a", "1", "111");
        LockerId id = locationWith("loc-1", device).lockers().get(0).id();

        stores.lockers().compareAndSetDevice(id, free(T0), ALLOCATED_FOR_BOOKING);
        stores.lockers().updateService(id, ServiceState.outOfService(ReasonCode.DEVICE_REMOVED, null));
        stores.lockers().updateDoorOpen(id, false);

        Locker locker = stores.lockers().find(id).orElseThrow();
        assertThat(locker.external()).isEqualTo(device);
        assertThat(locker.service().reasonCode()).isEqualTo(ReasonCode.DEVICE_REMOVED);
        assertThat(stores.lockers().findAll()).containsExactly(locker);
    }
}
