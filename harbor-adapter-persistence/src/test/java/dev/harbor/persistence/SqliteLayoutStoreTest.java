package dev.harbor.persistence;

import dev.harbor.application.port.contract.LayoutStoreContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteLayoutStoreTest extends LayoutStoreContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected Stores openStores() {
        return sqlite.stores();
    }
}
