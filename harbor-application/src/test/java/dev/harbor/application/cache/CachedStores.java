package dev.harbor.application.cache;

import dev.harbor.application.fakes.InMemoryStores;
import dev.harbor.application.port.contract.Stores;

/** The in-memory stores behind the read cache: the cache must behave exactly like the stores. */
final class CachedStores {

    private CachedStores() {}

    static Stores fresh() {
        Stores stores = InMemoryStores.fresh();
        ReadCache cache = new ReadCache(stores.lockers(), stores.transactions(), stores.controllers(), stores.layout());
        return new Stores(
                cache.lockers(),
                cache.transactions(),
                cache.controllers(),
                cache.layout(),
                stores.settings(),
                stores.externalDevices(),
                stores.auditTrail(),
                stores.remoteCommands());
    }
}
