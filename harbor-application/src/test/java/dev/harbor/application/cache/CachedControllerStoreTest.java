package dev.harbor.application.cache;

import dev.harbor.application.port.contract.ControllerStoreContract;
import dev.harbor.application.port.contract.Stores;

class CachedControllerStoreTest extends ControllerStoreContract {

    @Override
    protected Stores openStores() {
        return CachedStores.fresh();
    }
}
