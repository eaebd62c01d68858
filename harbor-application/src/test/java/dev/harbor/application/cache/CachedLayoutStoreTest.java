package dev.harbor.application.cache;

import dev.harbor.application.port.contract.LayoutStoreContract;
import dev.harbor.application.port.contract.Stores;

class CachedLayoutStoreTest extends LayoutStoreContract {

    @Override
    protected Stores openStores() {
        return CachedStores.fresh();
    }
}
