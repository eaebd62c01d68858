package dev.harbor.persistence;

import dev.harbor.application.port.contract.ControllerStoreContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteControllerStoreTest extends ControllerStoreContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected Stores openStores() {
        return sqlite.stores();
    }
}
