package dev.harbor.application.fakes;

import dev.harbor.application.port.LoginFailureStore;
import dev.harbor.application.port.LoginFailureStoreContract;

class InMemoryLoginFailureStoreTest extends LoginFailureStoreContract {

    @Override
    protected LoginFailureStore emptyStore() {
        return new InMemoryLoginFailureStore();
    }
}
