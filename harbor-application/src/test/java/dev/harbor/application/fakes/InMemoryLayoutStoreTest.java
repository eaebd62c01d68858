package dev.harbor.application.fakes;

import dev.harbor.application.port.contract.LayoutStoreContract;
import dev.harbor.application.port.contract.Stores;

class InMemoryLayoutStoreTest extends LayoutStoreContract {

    @Override
    protected Stores openStores() {
        return InMemoryStores.fresh();
    }
}
