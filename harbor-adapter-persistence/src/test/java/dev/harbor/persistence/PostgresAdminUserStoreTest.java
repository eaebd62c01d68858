package dev.harbor.persistence;

import dev.harbor.application.port.AdminUserStore;
import dev.harbor.application.port.AdminUserStoreContract;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresAdminUserStoreTest extends AdminUserStoreContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private Database database;

    @Override
    protected AdminUserStore emptyStore() {
        database = POSTGRES.freshDatabase();
        return database.adminUserStore();
    }
}
