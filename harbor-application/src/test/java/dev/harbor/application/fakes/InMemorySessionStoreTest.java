package dev.harbor.application.fakes;

import dev.harbor.application.port.SessionStore;
import dev.harbor.application.port.SessionStoreContract;

class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore emptyStore() {
        return new InMemorySessionStore();
    }
}
