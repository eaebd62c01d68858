package dev.harbor.application.fakes;

import dev.harbor.application.port.contract.ControllerStoreContract;
import dev.harbor.application.port.contract.Stores;

class InMemoryControllerStoreTest extends ControllerStoreContract {

    @Override
    protected Stores openStores() {
        return InMemoryStores.fresh();
    }
}
