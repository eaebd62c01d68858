package dev.harbor.application.fakes;

import dev.harbor.application.port.contract.RemoteCommandLogContract;
import dev.harbor.application.port.contract.Stores;

class InMemoryRemoteCommandLogTest extends RemoteCommandLogContract {

    @Override
    protected Stores openStores() {
        return InMemoryStores.fresh();
    }
}
