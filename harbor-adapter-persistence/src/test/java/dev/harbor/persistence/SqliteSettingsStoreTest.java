package dev.harbor.persistence;

import dev.harbor.application.port.contract.SettingsStoreContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteSettingsStoreTest extends SettingsStoreContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected Stores openStores() {
        return sqlite.stores();
    }
}
