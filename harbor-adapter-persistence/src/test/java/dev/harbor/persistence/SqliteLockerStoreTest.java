package dev.harbor.persistence;

import dev.harbor.application.port.contract.LockerStoreContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteLockerStoreTest extends LockerStoreContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected Stores openStores() {
        return sqlite.stores();
    }
}
