package dev.harbor.persistence;

import dev.harbor.application.port.contract.ControllerStoreContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresControllerStoreTest extends ControllerStoreContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    protected Stores openStores() {
        return POSTGRES.freshStores();
    }
}
