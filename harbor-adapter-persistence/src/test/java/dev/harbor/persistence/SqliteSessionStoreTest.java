package dev.harbor.persistence;

import dev.harbor.application.port.SessionStore;
import dev.harbor.application.port.SessionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteSessionStoreTest extends SessionStoreContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected SessionStore emptyStore() {
        return sqlite.database().sessionStore();
    }

    @Override
    protected void userExists(String username) {
        sqlite.database().adminUserStore().save(username, "$2a$04$notarealhashnotarealhashnotarealhashnotarealhash");
    }
}
