package dev.harbor.persistence;

import dev.harbor.application.port.contract.LockerStoreContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresLockerStoreTest extends LockerStoreContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    protected Stores openStores() {
        return POSTGRES.freshStores();
    }
}
