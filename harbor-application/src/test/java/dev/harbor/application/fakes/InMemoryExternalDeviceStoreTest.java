package dev.harbor.application.fakes;

import dev.harbor.application.port.contract.ExternalDeviceStoreContract;
import dev.harbor.application.port.contract.Stores;

class InMemoryExternalDeviceStoreTest extends ExternalDeviceStoreContract {

    @Override
    protected Stores openStores() {
        return InMemoryStores.fresh();
    }
}
