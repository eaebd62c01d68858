package dev.harbor.persistence;

import dev.harbor.application.port.contract.ExternalDeviceStoreContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresExternalDeviceStoreTest extends ExternalDeviceStoreContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    protected Stores openStores() {
        return POSTGRES.freshStores();
    }
}
