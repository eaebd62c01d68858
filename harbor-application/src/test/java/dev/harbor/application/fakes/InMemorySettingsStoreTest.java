package dev.harbor.application.fakes;

import dev.harbor.application.port.contract.SettingsStoreContract;
import dev.harbor.application.port.contract.Stores;

class InMemorySettingsStoreTest extends SettingsStoreContract {

    @Override
    protected Stores openStores() {
        return InMemoryStores.fresh();
    }
}
