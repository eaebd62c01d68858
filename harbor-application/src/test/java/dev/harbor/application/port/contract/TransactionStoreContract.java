package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.TransactionStore.Assignment;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.harbor.application.port.TransactionStore}. */
public abstract class TransactionStoreContract extends StoreContract {

    private Assignment assign(String id, List<LockerId> candidates, Instant now) {
        return stores.transactions().assign(tx(id), candidates, booked(tx(id), now), now);
    }

    private Locker locker(LockerId id) {
        return stores.lockers().find(id).orElseThrow();
    }

    @Test
    public void assigning_a_new_id_books_the_first_free_candidate_and_records_the_transaction() {
        List<LockerId> lockers = freeLockers(3);

        Assignment result = assign("order-1", List.of(lockers.get(1), lockers.get(0)), T0);

        Transaction expected = new Transaction(tx("order-1"), lockers.get(1), T0, 0, null);
        assertThat(result).isEqualTo(new Assignment.Assigned(expected));
        assertThat(stores.transactions().find(tx("order-1"))).contains(expected);
        assertThat(locker(lockers.get(1)).device()).isEqualTo(booked(tx("order-1"), T0));
        assertThat(locker(lockers.get(0)).device()).isEqualTo(free(T0));
    }

    @Test
    public void assigning_an_existing_id_again_returns_the_existing_transaction_and_takes_no_other_locker() {
        List<LockerId> lockers = freeLockers(2);
        Transaction first = ((Assignment.Assigned) assign("order-1", lockers, T0)).transaction();

        Assignment again = assign("order-1", lockers, T0.plusSeconds(5));

        assertThat(again).isEqualTo(new Assignment.AlreadyExists(first));
        assertThat(locker(lockers.get(1)).device()).isEqualTo(free(T0));
        assertThat(stores.transactions().findActive()).containsExactly(first);
    }

    @Test
    public void an_id_stays_taken_after_its_transaction_was_released() {
        List<LockerId> lockers = freeLockers(2);
        assign("order-1", lockers, T0);
        Transaction released = stores.transactions()
                .release(tx("order-1"), free(T0.plusSeconds(1)), T0.plusSeconds(1))
                .orElseThrow();

        assertThat(assign("order-1", lockers, T0.plusSeconds(2))).isEqualTo(new Assignment.AlreadyExists(released));
        assertThat(stores.transactions().findActive()).isEmpty();
    }

    @Test
    public void a_held_locker_is_skipped_for_the_next_free_candidate() {
        List<LockerId> lockers = freeLockers(2);
        assign("order-1", List.of(lockers.get(0)), T0);

        Assignment second = assign("order-2", lockers, T0);

        assertThat(second).isInstanceOf(Assignment.Assigned.class);
        assertThat(((Assignment.Assigned) second).transaction().lockerId()).isEqualTo(lockers.get(1));
    }

    @Test
    public void a_locker_taken_out_of_service_is_skipped_even_when_the_caller_still_listed_it() {
        List<LockerId> lockers = freeLockers(2);
        stores.lockers()
                .updateService(
                        lockers.get(0),
                        dev.harbor.domain.locker.ServiceState.outOfService(
                                dev.harbor.domain.locker.ReasonCode.MAINTENANCE, null));

        Assignment assigned = assign("order-1", lockers, T0);

        assertThat(assigned).isInstanceOf(Assignment.Assigned.class);
        assertThat(((Assignment.Assigned) assigned).transaction().lockerId()).isEqualTo(lockers.get(1));
    }

    @Test
    public void a_locker_that_is_not_unlocked_is_never_assigned() {
        LockerId locker = freeLockers(1).get(0);
        DeviceStatus forceLocked =
                new DeviceStatus(DeviceState.LOCKED, T0.plusSeconds(1), null, null, null, null, null);
        assertThat(stores.lockers().compareAndSetDevice(locker, free(T0), forceLocked))
                .isTrue();

        assertThat(assign("order-1", List.of(locker), T0.plusSeconds(2))).isEqualTo(new Assignment.NoLockerFree());
        assertThat(locker(locker).device()).isEqualTo(forceLocked);
    }

    @Test
    public void a_locker_whose_transaction_is_still_active_is_not_assigned_even_if_its_status_says_free() {
        LockerId locker = freeLockers(1).get(0);
        assign("order-1", List.of(locker), T0);
        // A status written past the transaction flow (a bug, or a hand-edited row) must not hand the
        // locker to a second customer: the active transaction still holds it.
        assertThat(stores.lockers().compareAndSetDevice(locker, booked(tx("order-1"), T0), free(T0.plusSeconds(1))))
                .isTrue();

        assertThat(assign("order-2", List.of(locker), T0.plusSeconds(2))).isEqualTo(new Assignment.NoLockerFree());
        assertThat(stores.transactions().find(tx("order-2"))).isEmpty();
    }

    @Test
    public void with_no_free_candidate_nothing_is_recorded() {
        List<LockerId> lockers = freeLockers(1);
        assign("order-1", lockers, T0);

        assertThat(assign("order-2", lockers, T0)).isEqualTo(new Assignment.NoLockerFree());
        assertThat(assign("order-3", List.of(), T0)).isEqualTo(new Assignment.NoLockerFree());
        assertThat(assign("order-4", List.of(LockerId.of(999_999)), T0)).isEqualTo(new Assignment.NoLockerFree());

        assertThat(stores.transactions().find(tx("order-2"))).isEmpty();
        assertThat(stores.transactions().find(tx("order-3"))).isEmpty();
        assertThat(stores.transactions().findActive())
                .extracting(Transaction::id)
                .containsExactly(tx("order-1"));
    }

    @Test
    public void assigning_with_a_status_that_does_not_hold_the_locker_for_the_transaction_is_refused() {
        List<LockerId> lockers = freeLockers(1);

        assertThatThrownBy(
                        () -> stores.transactions().assign(tx("order-1"), lockers, booked(tx("someone-else"), T0), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.transactions().find(tx("order-1"))).isEmpty();
        assertThat(locker(lockers.get(0)).device()).isEqualTo(free(T0));
    }

    @Test
    public void release_frees_the_locker_and_keeps_the_transaction_as_history() {
        List<LockerId> lockers = freeLockers(1);
        Transaction assigned = ((Assignment.Assigned) assign("order-1", lockers, T0)).transaction();
        Instant later = T0.plusSeconds(60);

        Transaction released =
                stores.transactions().release(tx("order-1"), free(later), later).orElseThrow();

        Transaction expected = new Transaction(assigned.id(), assigned.lockerId(), T0, 0, later);
        assertThat(released).isEqualTo(expected);
        assertThat(stores.transactions().find(tx("order-1"))).contains(expected);
        assertThat(stores.transactions().findActive()).isEmpty();
        assertThat(locker(lockers.get(0)).device()).isEqualTo(free(later));
        assertThat(assign("order-2", lockers, later)).isInstanceOf(Assignment.Assigned.class);
    }

    @Test
    public void releasing_an_unknown_or_already_released_transaction_changes_nothing() {
        List<LockerId> lockers = freeLockers(1);
        assign("order-1", lockers, T0);
        Transaction released = stores.transactions()
                .release(tx("order-1"), free(T0), T0.plusSeconds(1))
                .orElseThrow();
        assign("order-2", lockers, T0.plusSeconds(2));

        assertThat(stores.transactions().release(tx("order-1"), free(T0), T0.plusSeconds(3)))
                .isEmpty();
        assertThat(stores.transactions().release(tx("nobody"), free(T0), T0.plusSeconds(3)))
                .isEmpty();

        assertThat(stores.transactions().find(tx("order-1"))).contains(released);
        assertThat(locker(lockers.get(0)).device()).isEqualTo(booked(tx("order-2"), T0.plusSeconds(2)));
    }

    @Test
    public void releasing_must_leave_the_locker_unheld() {
        List<LockerId> lockers = freeLockers(1);
        assign("order-1", lockers, T0);

        assertThatThrownBy(() -> stores.transactions().release(tx("order-1"), booked(tx("order-1"), T0), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.transactions().findActive())
                .extracting(Transaction::id)
                .containsExactly(tx("order-1"));
    }

    @Test
    public void active_transactions_are_listed_oldest_first() {
        List<LockerId> lockers = freeLockers(4);
        assign("b", lockers, T0.plusSeconds(2));
        assign("c", lockers, T0);
        assign("a", lockers, T0.plusSeconds(2));
        assign("d", lockers, T0.plusSeconds(1));
        stores.transactions().release(tx("d"), free(T0), T0.plusSeconds(3));

        assertThat(stores.transactions().findActive())
                .extracting(t -> t.id().value())
                .containsExactly("c", "a", "b");
    }

    @Test
    public void door_openings_are_counted_for_active_transactions_only() {
        List<LockerId> lockers = freeLockers(1);
        assign("order-1", lockers, T0);

        stores.transactions().recordOpen(tx("order-1"));
        Transaction twice = stores.transactions().recordOpen(tx("order-1")).orElseThrow();

        assertThat(twice.openCount()).isEqualTo(2);
        assertThat(stores.transactions().find(tx("order-1")).orElseThrow().openCount())
                .isEqualTo(2);
        stores.transactions().release(tx("order-1"), free(T0), T0.plusSeconds(1));
        assertThat(stores.transactions().recordOpen(tx("order-1"))).isEmpty();
        assertThat(stores.transactions().recordOpen(tx("nobody"))).isEmpty();
        assertThat(stores.transactions().find(tx("order-1")).orElseThrow().openCount())
                .isEqualTo(2);
    }

    @Test
    public void times_are_kept_to_the_millisecond() {
        List<LockerId> lockers = freeLockers(1);
        Instant precise = Instant.parse("2026-02-20T22:56:40.123456789Z");

        Transaction assigned = ((Assignment.Assigned) assign("order-1", lockers, precise)).transaction();

        assertThat(assigned.createdAt()).isEqualTo(T0);
        assertThat(stores.transactions().find(tx("order-1")).orElseThrow().createdAt())
                .isEqualTo(T0);
        assertThat(locker(lockers.get(0)).device().changedAt()).isEqualTo(T0);
    }

    @Test
    public void two_hundred_concurrent_assignments_for_one_hundred_lockers_give_each_locker_to_exactly_one()
            throws Exception {
        List<LockerId> lockers = freeLockers(100);

        List<Assignment> results = Concurrently.run(200, n -> {
            // Every thread walks the same candidates in the same order: the worst case for contention.
            return assign("order-" + n, lockers, T0);
        });

        List<Transaction> assigned = new ArrayList<>();
        int noneFree = 0;
        for (Assignment result : results) {
            if (result instanceof Assignment.Assigned a) {
                assigned.add(a.transaction());
            } else {
                assertThat(result).isEqualTo(new Assignment.NoLockerFree());
                noneFree++;
            }
        }
        assertThat(assigned).hasSize(100);
        assertThat(noneFree).isEqualTo(100);
        Set<LockerId> given = new HashSet<>();
        assigned.forEach(t -> given.add(t.lockerId()));
        assertThat(given).containsExactlyInAnyOrderElementsOf(lockers);
        assertThat(stores.transactions().findActive()).containsExactlyInAnyOrderElementsOf(assigned);
        for (Transaction t : assigned) {
            assertThat(locker(t.lockerId()).device().holder()).isEqualTo(t.id().value());
        }
    }

    @Test
    public void concurrent_assignments_of_the_same_id_create_it_once() throws Exception {
        List<LockerId> lockers = freeLockers(20);

        // Several rounds: the race for one id is short, and must be met, not just be possible.
        for (int round = 0; round < 10; round++) {
            String id = "same-order-" + round;
            List<Assignment> results = Concurrently.run(20, n -> {
                List<LockerId> mine = new ArrayList<>(lockers);
                Collections.rotate(mine, n);
                return assign(id, mine, T0);
            });

            List<Assignment> created = results.stream()
                    .filter(r -> r instanceof Assignment.Assigned)
                    .toList();
            assertThat(created).as("round %d", round).hasSize(1);
            Transaction transaction = ((Assignment.Assigned) created.get(0)).transaction();
            assertThat(results)
                    .filteredOn(r -> !(r instanceof Assignment.Assigned))
                    .hasSize(19)
                    .allSatisfy(r -> assertThat(r).isEqualTo(new Assignment.AlreadyExists(transaction)));
            assertThat(stores.lockers().findAll())
                    .filteredOn(l -> id.equals(l.device().holder()))
                    .extracting(Locker::id)
                    .containsExactly(transaction.lockerId());
            stores.transactions().release(tx(id), free(T0), T0);
        }
        assertThat(stores.transactions().findActive()).isEmpty();
        assertThat(stores.lockers().findAll()).noneMatch(l -> l.device().isHeld());
    }

    private static AuditTrail.LockerChange change(String action, String id, Instant at) {
        return new AuditTrail.LockerChange(at, "client", action, "transaction " + id);
    }

    @Test
    public void an_audited_assignment_writes_its_entry_naming_the_locker_it_took() {
        List<LockerId> lockers = freeLockers(2);
        AuditTrail.LockerChange change = change("transaction.create", "order-1", T0);

        Assignment result = stores.transactions()
                .assign(tx("order-1"), List.of(lockers.get(1), lockers.get(0)), booked(tx("order-1"), T0), T0, change);

        assertThat(result).isInstanceOf(Assignment.Assigned.class);
        assertThat(stores.auditTrail().recent(10, null))
                .containsExactly(new AuditTrail.Entry(
                        T0, "client", "transaction.create", "transaction order-1", "OK", "locker " + lockers.get(1)));
    }

    @Test
    public void an_audited_assignment_that_takes_no_locker_writes_no_entry() {
        List<LockerId> lockers = freeLockers(1);
        assign("order-1", lockers, T0);
        AuditTrail.LockerChange change = change("transaction.create", "order-2", T0);

        Assignment again = stores.transactions()
                .assign(
                        tx("order-1"),
                        lockers,
                        booked(tx("order-1"), T0),
                        T0,
                        change("transaction.create", "order-1", T0));
        Assignment noneFree =
                stores.transactions().assign(tx("order-2"), lockers, booked(tx("order-2"), T0), T0, change);

        assertThat(again).isInstanceOf(Assignment.AlreadyExists.class);
        assertThat(noneFree).isEqualTo(new Assignment.NoLockerFree());
        assertThat(stores.auditTrail().recent(10, null)).isEmpty();
    }

    @Test
    public void releasing_an_own_transaction_frees_its_locker_and_writes_the_entry_with_it() {
        List<LockerId> lockers = freeLockers(1);
        assign("order-1", lockers, T0);
        Instant later = T0.plusSeconds(60);

        Optional<Transaction> released = stores.transactions()
                .releaseOwn(tx("order-1"), free(later), later, change("transaction.release", "order-1", later));

        assertThat(released).contains(new Transaction(tx("order-1"), lockers.get(0), T0, 0, later));
        assertThat(stores.transactions().findActive()).isEmpty();
        assertThat(locker(lockers.get(0)).device()).isEqualTo(free(later));
        assertThat(stores.auditTrail().recent(10, null))
                .containsExactly(new AuditTrail.Entry(
                        later,
                        "client",
                        "transaction.release",
                        "transaction order-1",
                        "OK",
                        "locker " + lockers.get(0)));
    }

    @Test
    public void releasing_as_own_leaves_a_transaction_on_an_external_device_active_and_unaudited() {
        LockerId bike = locationWith("loc-1", ExternalDevice.bikeep("dev-a", "1", null))
                .lockers()
                .get(0)
                .id();
        Transaction active = ((Assignment.Assigned) assign("order-1", List.of(bike), T0)).transaction();

        Optional<Transaction> released = stores.transactions()
                .releaseOwn(tx("order-1"), free(T0), T0, change("transaction.release", "order-1", T0));

        assertThat(released).isEmpty();
        assertThat(stores.transactions().findActive()).containsExactly(active);
        assertThat(locker(bike).device()).isEqualTo(booked(tx("order-1"), T0));
        assertThat(stores.auditTrail().recent(10, null)).isEmpty();
    }

    @Test
    public void releasing_as_own_an_unknown_or_already_released_transaction_changes_nothing() {
        List<LockerId> lockers = freeLockers(1);
        assign("order-1", lockers, T0);
        stores.transactions().release(tx("order-1"), free(T0), T0);

        assertThat(stores.transactions()
                        .releaseOwn(tx("order-1"), free(T0), T0, change("transaction.release", "order-1", T0)))
                .isEmpty();
        assertThat(stores.transactions()
                        .releaseOwn(tx("nobody"), free(T0), T0, change("transaction.release", "nobody", T0)))
                .isEmpty();
        assertThat(stores.auditTrail().recent(10, null)).isEmpty();
    }

    @Test
    public void concurrent_releases_of_one_transaction_release_it_once_and_audit_it_once() throws Exception {
        List<LockerId> lockers = freeLockers(1);
        // Several rounds: the race between two releases is short, and must be met, not just be possible.
        for (int round = 0; round < 10; round++) {
            String id = "order-" + round;
            Instant at = T0.plusSeconds(round);
            assertThat(assign(id, lockers, at)).isInstanceOf(Assignment.Assigned.class);

            List<Optional<Transaction>> results = Concurrently.run(
                    10,
                    n -> stores.transactions().releaseOwn(tx(id), free(at), at, change("transaction.release", id, at)));

            assertThat(results)
                    .filteredOn(Optional::isPresent)
                    .as("round %d", round)
                    .hasSize(1);
            assertThat(stores.auditTrail().recent(100, null))
                    .filteredOn(e -> e.target().equals("transaction " + id))
                    .hasSize(1);
        }
        assertThat(stores.transactions().findActive()).isEmpty();
        assertThat(locker(lockers.get(0)).device().isHeld()).isFalse();
    }

    @Test
    public void undo_frees_the_locker_and_forgets_the_transaction_so_its_id_can_be_assigned_again() {
        List<LockerId> lockers = freeLockers(2);
        Transaction assigned = ((Assignment.Assigned) assign("order-1", List.of(lockers.get(0)), T0)).transaction();
        Transaction other = ((Assignment.Assigned) assign("order-2", List.of(lockers.get(1)), T0)).transaction();

        assertThat(stores.transactions().undo(tx("order-1"), free(T0.plusSeconds(1))))
                .contains(assigned);

        assertThat(stores.transactions().find(tx("order-1"))).isEmpty();
        assertThat(stores.transactions().findActive()).containsExactly(other);
        assertThat(locker(lockers.get(0)).device()).isEqualTo(free(T0.plusSeconds(1)));
        assertThat(locker(lockers.get(1)).device()).isEqualTo(booked(tx("order-2"), T0));
        // The id and the locker are both free again: the same id may take the same locker.
        Assignment again = assign("order-1", List.of(lockers.get(0)), T0.plusSeconds(2));
        assertThat(again)
                .isEqualTo(new Assignment.Assigned(
                        new Transaction(tx("order-1"), lockers.get(0), T0.plusSeconds(2), 0, null)));
        assertThat(locker(lockers.get(0)).device()).isEqualTo(booked(tx("order-1"), T0.plusSeconds(2)));
    }

    @Test
    public void undo_keeps_the_open_count_it_found_and_the_id_may_land_on_another_locker() {
        List<LockerId> lockers = freeLockers(2);
        assign("order-1", List.of(lockers.get(0)), T0);
        stores.transactions().recordOpen(tx("order-1"));

        Transaction undone = stores.transactions()
                .undo(tx("order-1"), free(T0.plusSeconds(1)))
                .orElseThrow();

        assertThat(undone).isEqualTo(new Transaction(tx("order-1"), lockers.get(0), T0, 1, null));
        Assignment again = assign("order-1", List.of(lockers.get(1)), T0.plusSeconds(2));
        assertThat(((Assignment.Assigned) again).transaction().openCount()).isZero();
        assertThat(stores.transactions().findActive())
                .extracting(Transaction::lockerId)
                .containsExactly(lockers.get(1));
    }

    @Test
    public void undoing_an_unknown_or_released_transaction_changes_nothing() {
        List<LockerId> lockers = freeLockers(1);
        assign("order-1", lockers, T0);
        Transaction released = stores.transactions()
                .release(tx("order-1"), free(T0.plusSeconds(1)), T0.plusSeconds(1))
                .orElseThrow();
        assign("order-2", lockers, T0.plusSeconds(2));

        assertThat(stores.transactions().undo(tx("order-1"), free(T0.plusSeconds(3))))
                .isEmpty();
        assertThat(stores.transactions().undo(tx("nobody"), free(T0.plusSeconds(3))))
                .isEmpty();

        assertThat(stores.transactions().find(tx("order-1"))).contains(released);
        assertThat(locker(lockers.get(0)).device()).isEqualTo(booked(tx("order-2"), T0.plusSeconds(2)));
        assertThat(assign("order-1", lockers, T0.plusSeconds(4))).isEqualTo(new Assignment.AlreadyExists(released));
    }

    @Test
    public void undo_must_leave_the_locker_unheld() {
        List<LockerId> lockers = freeLockers(1);
        Transaction assigned = ((Assignment.Assigned) assign("order-1", lockers, T0)).transaction();

        assertThatThrownBy(() -> stores.transactions().undo(tx("order-1"), booked(tx("order-1"), T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.transactions().findActive()).containsExactly(assigned);
        assertThat(locker(lockers.get(0)).device()).isEqualTo(booked(tx("order-1"), T0));
    }
}
