package dev.harbor.application.cache;

import dev.harbor.application.port.contract.LockerStoreContract;
import dev.harbor.application.port.contract.Stores;

class CachedLockerStoreTest extends LockerStoreContract {

    @Override
    protected Stores openStores() {
        return CachedStores.fresh();
    }
}
