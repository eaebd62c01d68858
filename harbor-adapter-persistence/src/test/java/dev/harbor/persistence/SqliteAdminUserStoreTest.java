package dev.harbor.persistence;

import dev.harbor.application.port.AdminUserStore;
import dev.harbor.application.port.AdminUserStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteAdminUserStoreTest extends AdminUserStoreContract {

    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected AdminUserStore emptyStore() {
        database = Database.sqlite(dataDir);
        return database.adminUserStore();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
