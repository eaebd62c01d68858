package dev.harbor.application.fakes;

import dev.harbor.application.port.contract.LockerStoreContract;
import dev.harbor.application.port.contract.Stores;

class InMemoryLockerStoreTest extends LockerStoreContract {

    @Override
    protected Stores openStores() {
        return InMemoryStores.fresh();
    }
}
