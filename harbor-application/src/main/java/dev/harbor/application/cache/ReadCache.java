package dev.harbor.application.cache;

import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.TransactionStore;

/**
 * Puts the lockers and the layout in memory so the API answers reads without the database
 * (DESIGN.md: "the API answers reads from memory ... the database is the truth").
 *
 * <p>The cache sees the writes made through these stores only. A gateway therefore owns its
 * lockers: several gateways sharing one PostgreSQL must not drive the same controllers.
 */
public final class ReadCache {

    private final LockerStore lockers;
    private final TransactionStore transactions;
    private final ControllerStore controllers;
    private final LayoutStore layout;

    public ReadCache(
            LockerStore lockers, TransactionStore transactions, ControllerStore controllers, LayoutStore layout) {
        LockerCache cache = new LockerCache(lockers);
        this.lockers = new CachingLockerStore(lockers, cache);
        this.transactions = new CachingTransactionStore(transactions, cache);
        this.controllers = new CachingControllerStore(controllers, cache);
        this.layout = new CachingLayoutStore(layout);
    }

    public LockerStore lockers() {
        return lockers;
    }

    public TransactionStore transactions() {
        return transactions;
    }

    public ControllerStore controllers() {
        return controllers;
    }

    public LayoutStore layout() {
        return layout;
    }
}
