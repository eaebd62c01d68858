package dev.harbor.persistence;

import dev.harbor.application.port.AdminUserStore;
import dev.harbor.application.port.AdminUserStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteAdminUserStoreTest extends AdminUserStoreContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected AdminUserStore emptyStore() {
        return sqlite.database().adminUserStore();
    }
}
