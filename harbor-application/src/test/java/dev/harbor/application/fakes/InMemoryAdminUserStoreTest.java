package dev.harbor.application.fakes;

import dev.harbor.application.port.AdminUserStore;
import dev.harbor.application.port.AdminUserStoreContract;

class InMemoryAdminUserStoreTest extends AdminUserStoreContract {

    @Override
    protected AdminUserStore emptyStore() {
        return new InMemoryAdminUserStore();
    }
}
