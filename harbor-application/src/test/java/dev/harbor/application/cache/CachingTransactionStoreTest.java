package dev.harbor.application.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.fakes.InMemoryStores;
import dev.harbor.application.port.TransactionStore.Assignment;
import dev.harbor.application.port.contract.StoreContract;
import dev.harbor.application.port.contract.Stores;
import dev.harbor.domain.locker.LockerId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An assignment names only its first candidates to the database, and the rest when those were all
 * taken: the cache they were chosen from may be behind the database, and a create must never be
 * told there is no locker while one is free.
 */
class CachingTransactionStoreTest extends StoreContract {

    private Stores database;

    @Override
    protected Stores openStores() {
        database = InMemoryStores.fresh();
        LockerCache cache = new LockerCache(database.lockers());
        return new Stores(
                new CachingLockerStore(database.lockers(), cache),
                new CachingTransactionStore(database.transactions(), cache, 2),
                new CachingControllerStore(database.controllers(), cache),
                new CachingLayoutStore(database.layout()),
                database.settings(),
                database.externalDevices(),
                database.auditTrail(),
                database.remoteCommands());
    }

    @Test
    void when_the_first_candidates_are_all_taken_the_assignment_takes_one_of_the_rest() {
        List<LockerId> lockers = freeLockers(4);
        // Taken in the database behind the cache's back: the cache still shows them free.
        takeBehindTheCache("elsewhere-1", lockers.get(0));
        takeBehindTheCache("elsewhere-2", lockers.get(1));

        Assignment assignment = stores.transactions().assign(tx("order-1"), lockers, booked(tx("order-1"), T0), T0);

        assertThat(assignment).isInstanceOf(Assignment.Assigned.class);
        assertThat(((Assignment.Assigned) assignment).transaction().lockerId()).isEqualTo(lockers.get(2));
    }

    @Test
    void when_every_candidate_is_taken_the_assignment_finds_none() {
        List<LockerId> lockers = freeLockers(3);
        for (int i = 0; i < lockers.size(); i++) {
            takeBehindTheCache("elsewhere-" + i, lockers.get(i));
        }

        assertThat(stores.transactions().assign(tx("order-1"), lockers, booked(tx("order-1"), T0), T0))
                .isEqualTo(new Assignment.NoLockerFree());
        assertThat(stores.lockers().find(lockers.get(2)).orElseThrow().device())
                .as("the cache re-read the lockers it had wrong")
                .isEqualTo(booked(tx("elsewhere-2"), T0));
    }

    private void takeBehindTheCache(String transaction, LockerId locker) {
        assertThat(database.transactions().assign(tx(transaction), List.of(locker), booked(tx(transaction), T0), T0))
                .isInstanceOf(Assignment.Assigned.class);
    }
}
