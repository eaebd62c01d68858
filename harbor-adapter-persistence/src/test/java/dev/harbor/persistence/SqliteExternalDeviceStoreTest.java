package dev.harbor.persistence;

import dev.harbor.application.port.contract.ExternalDeviceStoreContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteExternalDeviceStoreTest extends ExternalDeviceStoreContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected Stores openStores() {
        return sqlite.stores();
    }
}
