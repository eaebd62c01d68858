package dev.harbor.persistence;

import dev.harbor.application.port.contract.ExternalDeviceStoreContract;
import dev.harbor.application.port.contract.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteExternalDeviceStoreTest extends ExternalDeviceStoreContract {

    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected Stores openStores() {
        database = Database.sqlite(dataDir);
        return TestStores.of(database);
    }

    @Override
    protected void closeStores() {
        database.close();
    }
}
