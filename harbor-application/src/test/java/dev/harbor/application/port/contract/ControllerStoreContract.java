package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.port.ControllerStore.Adjustment;
import dev.harbor.application.port.ControllerStore.EndpointInUseException;
import dev.harbor.application.port.ControllerStore.NewController;
import dev.harbor.application.port.ControllerStore.NewLocker;
import dev.harbor.application.port.ControllerStore.Registered;
import dev.harbor.application.port.ControllerStore.Removal;
import dev.harbor.application.port.TransactionStore.Assignment;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ServiceState;
import dev.harbor.domain.transaction.Transaction;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.harbor.application.port.ControllerStore}. */
public abstract class ControllerStoreContract extends StoreContract {

    private static final ProtocolOptions REVERSED = new ProtocolOptions(
            ProtocolOptions.FeedbackPolarity.SET_MEANS_OPEN, ProtocolOptions.StatusByteOrder.LOWEST_FIRST);

    private Transaction assign(String id, LockerId locker) {
        Assignment result = stores.transactions().assign(tx(id), List.of(locker), booked(tx(id), T0), T0);
        return ((Assignment.Assigned) result).transaction();
    }

    private Set<LockerId> lockerIds() {
        return stores.lockers().findAll().stream().map(Locker::id).collect(Collectors.toSet());
    }

    @Test
    public void adding_a_controller_creates_its_lockers_numbered_from_one_free_and_in_service() {
        LockerTypeId small = lockerType("small").id();
        LockerTypeId large = lockerType("large").id();
        BankType bank = stores.layout()
                .upsertBankType(new BankType(
                        new BankTypeId(1),
                        "Tower 3",
                        null,
                        false,
                        List.of(
                                new BankType.Association(1, small),
                                new BankType.Association(2, large),
                                new BankType.Association(3, small)),
                        T0));
        BoardEndpoint endpoint =
                new BoardEndpoint(Protocol.KERONG_CU16, new Transport.Serial("/dev/ttyUSB0", 9600), 3, REVERSED);

        Registered registered = controllers()
                .add(
                        new NewController("Tower A", endpoint, bank.id(), DiscoveredVia.LAYOUT, T0),
                        List.of(small, large, small),
                        free(T0));

        Controller controller = registered.controller();
        assertThat(controller)
                .isEqualTo(
                        new Controller(controller.id(), "Tower A", endpoint, bank.id(), 3, DiscoveredVia.LAYOUT, T0));
        assertThat(registered.lockers()).extracting(Locker::bankLockerNumber).containsExactly(1, 2, 3);
        assertThat(registered.lockers()).extracting(Locker::lockerTypeId).containsExactly(small, large, small);
        assertThat(registered.lockers()).allSatisfy(l -> {
            assertThat(l.controllerId()).isEqualTo(controller.id());
            assertThat(l.device()).isEqualTo(free(T0));
            assertThat(l.service()).isEqualTo(ServiceState.IN_SERVICE);
            assertThat(l.doorOpen()).isNull();
        });
        assertThat(controllers().find(controller.id())).contains(controller);
        assertThat(controllers().findAll()).containsExactly(controller);
        assertThat(stores.lockers().findByController(controller.id())).containsExactlyElementsOf(registered.lockers());
    }

    @Test
    public void every_kind_of_endpoint_reads_back_exactly() {
        LockerTypeId type = lockerType("medium").id();
        List<BoardEndpoint> endpoints = List.of(
                new BoardEndpoint(
                        Protocol.XOR8A, new Transport.Serial("/dev/ttyS1", 19_200), 32, ProtocolOptions.DEFAULTS),
                new BoardEndpoint(Protocol.KERONG_CU48, new Transport.Tcp("10.0.0.7", 4001), 255, REVERSED),
                new BoardEndpoint(Protocol.KERONG_CU16, new Transport.Simulated("lobby"), 0, ProtocolOptions.DEFAULTS));

        for (BoardEndpoint endpoint : endpoints) {
            Controller added = controllers()
                    .add(newController("C", endpoint), List.of(type), free(T0))
                    .controller();
            assertThat(controllers().find(added.id()).orElseThrow().endpoint()).isEqualTo(endpoint);
        }
    }

    @Test
    public void a_second_controller_at_the_same_bus_and_address_is_refused() {
        LockerTypeId type = lockerType("medium").id();
        BoardEndpoint endpoint =
                new BoardEndpoint(Protocol.XOR8A, new Transport.Tcp("bridge", 4001), 1, ProtocolOptions.DEFAULTS);
        controllers().add(newController("First", endpoint), List.of(type), free(T0));

        // Same bus and address under another protocol still clashes: the bus is what is shared.
        BoardEndpoint clash = new BoardEndpoint(Protocol.KERONG_CU48, new Transport.Tcp("bridge", 4001), 1, REVERSED);
        assertThatThrownBy(() -> controllers().add(newController("Second", clash), List.of(type), free(T0)))
                .isInstanceOf(EndpointInUseException.class);
        assertThat(controllers().findAll()).hasSize(1);
        assertThat(stores.lockers().findAll()).hasSize(1);

        BoardEndpoint otherAddress =
                new BoardEndpoint(Protocol.XOR8A, new Transport.Tcp("bridge", 4001), 2, ProtocolOptions.DEFAULTS);
        controllers().add(newController("Third", otherAddress), List.of(type), free(T0));
        assertThat(controllers().findAll()).hasSize(2);
    }

    @Test
    public void adding_with_an_unknown_locker_type_or_bank_type_creates_nothing() {
        LockerTypeId type = lockerType("medium").id();

        assertThatThrownBy(() -> controllers()
                        .add(newController("C", freshEndpoint()), List.of(type, new LockerTypeId(777)), free(T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> controllers()
                        .add(
                                new NewController("C", freshEndpoint(), new BankTypeId(777), DiscoveredVia.MANUAL, T0),
                                List.of(type),
                                free(T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> controllers().add(newController("C", freshEndpoint()), List.of(), free(T0)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(controllers().findAll()).isEmpty();
        assertThat(stores.lockers().findAll()).isEmpty();
    }

    @Test
    public void ids_of_removed_controllers_and_lockers_are_never_given_again() {
        Registered first = controllerWith(2);
        Registered second = controllerWith(2);
        controllers().remove(second.controller().id(), false, T0);

        Registered third = controllerWith(2);

        assertThat(third.controller().id().value())
                .isGreaterThan(second.controller().id().value());
        assertThat(third.lockers().get(0).id().value())
                .isGreaterThan(second.lockers().get(1).id().value());
        assertThat(first.controller().id().value())
                .isLessThan(second.controller().id().value());
    }

    @Test
    public void update_writes_name_and_endpoint_and_keeps_lockers_and_transactions() {
        Registered registered = controllerWith(2);
        Transaction transaction = assign("order-1", registered.lockers().get(0).id());
        BoardEndpoint replacement =
                new BoardEndpoint(Protocol.XOR8A, new Transport.Serial("/dev/ttyUSB1", 9600), 5, REVERSED);
        Controller changed = registered.controller().withName("Tower B").withEndpoint(replacement);

        assertThat(controllers().update(changed)).isTrue();

        assertThat(controllers().find(changed.id())).contains(changed);
        assertThat(stores.lockers().findByController(changed.id()))
                .extracting(Locker::id)
                .containsExactly(
                        registered.lockers().get(0).id(),
                        registered.lockers().get(1).id());
        assertThat(stores.transactions().findActive()).containsExactly(transaction);
    }

    @Test
    public void update_cannot_move_a_controller_onto_another_ones_endpoint_and_misses_unknown_ones() {
        Registered first = controllerWith(1);
        Registered second = controllerWith(1);

        assertThatThrownBy(() -> controllers()
                        .update(second.controller()
                                .withEndpoint(first.controller().endpoint())))
                .isInstanceOf(EndpointInUseException.class);
        assertThat(controllers().find(second.controller().id())).contains(second.controller());
        // Keeping its own endpoint is no clash.
        assertThat(controllers().update(second.controller().withName("Renamed")))
                .isTrue();

        Controller ghost =
                new Controller(ControllerId.of(9_999), "Ghost", freshEndpoint(), null, 1, DiscoveredVia.MANUAL, T0);
        assertThat(controllers().update(ghost)).isFalse();
        assertThat(controllers().find(ghost.id())).isEmpty();
    }

    @Test
    public void removing_without_force_is_refused_while_a_locker_holds_an_active_transaction() {
        Registered registered = controllerWith(3);
        Transaction transaction = assign("order-1", registered.lockers().get(1).id());

        Removal removal = controllers().remove(registered.controller().id(), false, T0.plusSeconds(1));

        assertThat(removal).isEqualTo(new Removal.Refused(List.of(transaction)));
        assertThat(controllers().find(registered.controller().id())).isPresent();
        assertThat(stores.lockers().findAll()).hasSize(3);
        assertThat(stores.transactions().findActive()).containsExactly(transaction);
    }

    @Test
    public void removing_with_force_releases_the_active_transactions_and_removes_controller_and_lockers() {
        Registered doomed = controllerWith(3);
        Registered kept = controllerWith(1);
        Transaction a = assign("order-a", doomed.lockers().get(0).id());
        Transaction b = assign("order-b", doomed.lockers().get(2).id());
        Transaction other = assign("order-c", kept.lockers().get(0).id());

        Removal removal = controllers().remove(doomed.controller().id(), true, T0.plusSeconds(5));

        List<Transaction> released = List.of(
                new Transaction(a.id(), a.lockerId(), a.createdAt(), 0, T0.plusSeconds(5)),
                new Transaction(b.id(), b.lockerId(), b.createdAt(), 0, T0.plusSeconds(5)));
        assertThat(removal).isInstanceOf(Removal.Removed.class);
        assertThat(((Removal.Removed) removal).releasedTransactions()).containsExactlyInAnyOrderElementsOf(released);
        assertThat(controllers().find(doomed.controller().id())).isEmpty();
        assertThat(lockerIds()).containsExactly(kept.lockers().get(0).id());
        assertThat(stores.transactions().findActive()).containsExactly(other);
        assertThat(stores.transactions().find(a.id())).contains(released.get(0));
    }

    @Test
    public void removing_an_idle_controller_removes_it_and_an_unknown_one_is_not_found() {
        Registered registered = controllerWith(2);

        assertThat(controllers().remove(registered.controller().id(), false, T0))
                .isEqualTo(new Removal.Removed(List.of()));
        assertThat(controllers().findAll()).isEmpty();
        assertThat(stores.lockers().findAll()).isEmpty();
        assertThat(controllers().remove(registered.controller().id(), true, T0)).isEqualTo(new Removal.NotFound());
    }

    @Test
    public void growing_adds_lockers_with_new_ids_and_the_next_bank_numbers() {
        Registered registered = controllerWith(2);
        LockerTypeId large = lockerType("large").id();
        ControllerId id = registered.controller().id();

        Adjustment adjustment = controllers().adjustLockerCount(id, 4, large, free(T0.plusSeconds(1)));

        List<Locker> lockers = stores.lockers().findByController(id);
        assertThat(lockers).extracting(Locker::bankLockerNumber).containsExactly(1, 2, 3, 4);
        assertThat(adjustment)
                .isEqualTo(new Adjustment.Adjusted(
                        2, 4, List.of(lockers.get(2).id(), lockers.get(3).id()), List.of()));
        assertThat(lockers.get(3).lockerTypeId()).isEqualTo(large);
        assertThat(lockers.get(3).device()).isEqualTo(free(T0.plusSeconds(1)));
        assertThat(lockers.get(2).id().value())
                .isGreaterThan(registered.lockers().get(1).id().value());
        assertThat(controllers().find(id).orElseThrow().lockerCount()).isEqualTo(4);
    }

    @Test
    public void shrinking_removes_the_highest_numbered_lockers_and_growing_again_gives_new_ids() {
        Registered registered = controllerWith(4);
        ControllerId id = registered.controller().id();
        LockerTypeId type = registered.lockers().get(0).lockerTypeId();
        // An active transaction on a locker that stays does not stop the shrink.
        assign("order-1", registered.lockers().get(0).id());

        Adjustment shrink = controllers().adjustLockerCount(id, 2, type, free(T0));

        assertThat(shrink)
                .isEqualTo(new Adjustment.Adjusted(
                        4,
                        2,
                        List.of(),
                        List.of(
                                registered.lockers().get(2).id(),
                                registered.lockers().get(3).id())));
        assertThat(stores.lockers().findByController(id))
                .extracting(Locker::id)
                .containsExactly(
                        registered.lockers().get(0).id(),
                        registered.lockers().get(1).id());
        assertThat(controllers().find(id).orElseThrow().lockerCount()).isEqualTo(2);

        Adjustment grow = controllers().adjustLockerCount(id, 3, type, free(T0));
        LockerId added = ((Adjustment.Adjusted) grow).added().get(0);
        assertThat(added.value()).isGreaterThan(registered.lockers().get(3).id().value());
        assertThat(stores.lockers().find(added).orElseThrow().bankLockerNumber())
                .isEqualTo(3);
    }

    @Test
    public void shrinking_is_refused_when_a_locker_to_remove_holds_an_active_transaction() {
        Registered registered = controllerWith(4);
        ControllerId id = registered.controller().id();
        Transaction transaction = assign("order-1", registered.lockers().get(2).id());

        Adjustment adjustment = controllers()
                .adjustLockerCount(id, 2, registered.lockers().get(0).lockerTypeId(), free(T0));

        assertThat(adjustment).isEqualTo(new Adjustment.Refused(List.of(transaction)));
        assertThat(stores.lockers().findByController(id)).hasSize(4);
        assertThat(controllers().find(id).orElseThrow().lockerCount()).isEqualTo(4);
    }

    @Test
    public void adjusting_keeps_to_the_board_and_misses_unknown_controllers() {
        Registered registered = controllerWith(2);
        LockerTypeId type = registered.lockers().get(0).lockerTypeId();
        ControllerId id = registered.controller().id();

        assertThat(controllers().adjustLockerCount(id, 2, type, free(T0)))
                .isEqualTo(new Adjustment.Adjusted(2, 2, List.of(), List.of()));
        assertThatThrownBy(() -> controllers().adjustLockerCount(id, 0, type, free(T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> controllers().adjustLockerCount(id, Protocol.XOR8A.maxLocks() + 1, type, free(T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(controllers().adjustLockerCount(ControllerId.of(9_999), 3, type, free(T0)))
                .isEqualTo(new Adjustment.NotFound());
        assertThat(stores.lockers().findByController(id)).hasSize(2);
    }

    @Test
    public void a_registered_bikeep_location_reads_back_its_transport_and_each_lockers_device() {
        ExternalDevice first = ExternalDevice.bikeep("dev-a", "1", "123456");
        ExternalDevice second = ExternalDevice.bikeep("dev-b", null, null);
        LockerTypeId dock = lockerType("bike-dock").id();
        LockerTypeId locker = lockerType("bike-locker").id();
        BoardEndpoint endpoint = bikeepLocation("b2c3d4e5-f6a7");

        Registered registered = controllers()
                .register(
                        newController("Station B", endpoint),
                        List.of(new NewLocker(locker, first), new NewLocker(dock, second)),
                        free(T0));

        ControllerId id = registered.controller().id();
        Controller stored = controllers().find(id).orElseThrow();
        assertThat(stored.endpoint()).isEqualTo(endpoint);
        assertThat(stored.endpoint().transport()).isEqualTo(new Transport.Bikeep("b2c3d4e5-f6a7"));
        assertThat(stored.lockerCount()).isEqualTo(2);
        List<Locker> lockers = stores.lockers().findByController(id);
        assertThat(lockers).containsExactlyElementsOf(registered.lockers());
        assertThat(lockers).extracting(Locker::bankLockerNumber).containsExactly(1, 2);
        assertThat(lockers).extracting(Locker::lockerTypeId).containsExactly(locker, dock);
        assertThat(lockers).extracting(Locker::external).containsExactly(first, second);
        assertThat(stores.lockers().find(lockers.get(1).id()).orElseThrow().external())
                .isEqualTo(second);
    }

    @Test
    public void lockers_behind_own_boards_stand_for_no_external_device() {
        Registered registered = controllerWith(2);

        assertThat(stores.lockers().findByController(registered.controller().id()))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l.external()).isNull());
    }

    @Test
    public void the_same_bikeep_location_cannot_be_added_twice() {
        locationWith("loc-1", ExternalDevice.bikeep("dev-a", "1", null));

        assertThatThrownBy(() -> locationWith("loc-1", ExternalDevice.bikeep("dev-b", "2", null)))
                .isInstanceOf(EndpointInUseException.class);

        assertThat(controllers().findAll()).hasSize(1);
        assertThat(stores.lockers().findAll())
                .extracting(l -> l.external().deviceId())
                .containsExactly("dev-a");
        locationWith("loc-2", ExternalDevice.bikeep("dev-b", "2", null));
        assertThat(controllers().findAll()).hasSize(2);
    }

    @Test
    public void two_lockers_cannot_stand_for_the_same_device() {
        locationWith("loc-1", ExternalDevice.bikeep("dev-a", "1", null));

        // Within one registration, and against a locker that already exists.
        assertThatThrownBy(() -> locationWith(
                        "loc-2", ExternalDevice.bikeep("dev-b", "1", null), ExternalDevice.bikeep("dev-b", "2", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locationWith("loc-3", ExternalDevice.bikeep("dev-a", "9", null)))
                .isInstanceOf(IllegalArgumentException.class);
        Registered other = locationWith("loc-4", ExternalDevice.bikeep("dev-c", "1", null));
        LockerTypeId type = other.lockers().get(0).lockerTypeId();
        assertThatThrownBy(() -> controllers()
                        .appendLockers(
                                other.controller().id(),
                                List.of(new NewLocker(type, ExternalDevice.bikeep("dev-a", "2", null))),
                                free(T0)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(controllers().findAll()).hasSize(2);
        assertThat(stores.lockers().findAll())
                .extracting(l -> l.external().deviceId())
                .containsExactly("dev-a", "dev-c");
        // The same device id in another remote system is another device.
        assertThat(controllers()
                        .appendLockers(
                                other.controller().id(),
                                List.of(new NewLocker(type, new ExternalDevice("elsewhere", "dev-a", null, null))),
                                free(T0)))
                .hasSize(1);
    }

    @Test
    public void appended_lockers_get_new_ids_and_the_numbers_after_the_highest_and_raise_the_count() {
        Registered registered = locationWith(
                "loc-1", ExternalDevice.bikeep("dev-a", "1", null), ExternalDevice.bikeep("dev-b", "2", null));
        ControllerId id = registered.controller().id();
        LockerTypeId dock = lockerType("bike-dock").id();
        ExternalDevice c = ExternalDevice.bikeep("dev-c", "3", "333");
        ExternalDevice d = ExternalDevice.bikeep("dev-d", "4", null);
        // A locker added meanwhile elsewhere must not get a number again.
        Registered other = controllerWith(1);

        List<Locker> added = controllers()
                .appendLockers(id, List.of(new NewLocker(dock, c), new NewLocker(dock, d)), free(T0.plusSeconds(5)));

        List<Locker> lockers = stores.lockers().findByController(id);
        assertThat(lockers).extracting(Locker::bankLockerNumber).containsExactly(1, 2, 3, 4);
        assertThat(lockers.subList(2, 4)).containsExactlyElementsOf(added);
        assertThat(lockers)
                .extracting(Locker::external)
                .containsExactly(
                        registered.lockers().get(0).external(),
                        registered.lockers().get(1).external(),
                        c,
                        d);
        assertThat(lockers.get(3).lockerTypeId()).isEqualTo(dock);
        assertThat(lockers.get(3).device()).isEqualTo(free(T0.plusSeconds(5)));
        assertThat(lockers.get(3).service()).isEqualTo(ServiceState.IN_SERVICE);
        assertThat(lockers.get(2).id().value())
                .isGreaterThan(other.lockers().get(0).id().value());
        assertThat(lockers.get(3).id().value())
                .isGreaterThan(lockers.get(2).id().value());
        assertThat(controllers().find(id).orElseThrow().lockerCount()).isEqualTo(4);
    }

    @Test
    public void appending_after_the_highest_number_when_a_lower_one_is_missing() {
        Registered registered = controllerWith(3);
        ControllerId id = registered.controller().id();
        LockerTypeId type = registered.lockers().get(0).lockerTypeId();
        controllers().adjustLockerCount(id, 2, type, free(T0));

        List<Locker> added = controllers().appendLockers(id, List.of(NewLocker.ownBoard(type)), free(T0));

        assertThat(stores.lockers().findByController(id))
                .extracting(Locker::bankLockerNumber)
                .containsExactly(1, 2, 3);
        assertThat(added)
                .extracting(Locker::id)
                .doesNotContain(registered.lockers().get(2).id());
        assertThat(controllers().find(id).orElseThrow().lockerCount()).isEqualTo(3);
    }

    @Test
    public void appending_to_a_missing_controller_or_nothing_at_all_changes_nothing() {
        Registered registered = locationWith("loc-1", ExternalDevice.bikeep("dev-a", "1", null));
        LockerTypeId type = registered.lockers().get(0).lockerTypeId();

        assertThat(controllers()
                        .appendLockers(
                                ControllerId.of(9_999),
                                List.of(new NewLocker(type, ExternalDevice.bikeep("dev-b", "2", null))),
                                free(T0)))
                .isEmpty();
        assertThat(controllers().appendLockers(registered.controller().id(), List.of(), free(T0)))
                .isEmpty();

        assertThat(stores.lockers().findAll()).containsExactlyElementsOf(registered.lockers());
        assertThat(controllers()
                        .find(registered.controller().id())
                        .orElseThrow()
                        .lockerCount())
                .isEqualTo(1);
        // dev-b was not taken by the refused append.
        assertThat(controllers()
                        .appendLockers(
                                registered.controller().id(),
                                List.of(new NewLocker(type, ExternalDevice.bikeep("dev-b", "2", null))),
                                free(T0)))
                .hasSize(1);
    }

    @Test
    public void a_removed_locations_devices_may_stand_behind_new_lockers() {
        Registered first = locationWith("loc-1", ExternalDevice.bikeep("dev-a", "1", null));
        controllers().remove(first.controller().id(), false, T0);

        Registered again = locationWith("loc-1", ExternalDevice.bikeep("dev-a", "1", null));

        assertThat(again.lockers().get(0).id().value())
                .isGreaterThan(first.lockers().get(0).id().value());
        assertThat(stores.lockers().findAll()).containsExactlyElementsOf(again.lockers());
    }

    @Test
    public void a_removal_racing_assignments_never_leaves_an_active_transaction_on_a_missing_locker() throws Exception {
        for (int round = 0; round < 15; round++) {
            Registered registered = controllerWith(2);
            List<LockerId> lockers =
                    registered.lockers().stream().map(Locker::id).toList();
            String prefix = "r" + round + "-";

            Concurrently.run(3, n -> {
                if (n == 0) {
                    return controllers().remove(registered.controller().id(), false, T0);
                }
                return stores.transactions().assign(tx(prefix + n), lockers, booked(tx(prefix + n), T0), T0);
            });

            Set<LockerId> existing = lockerIds();
            assertThat(stores.transactions().findActive())
                    .allSatisfy(t -> assertThat(existing)
                            .as("locker of active %s", t.id())
                            .contains(t.lockerId()));
        }
    }
}
