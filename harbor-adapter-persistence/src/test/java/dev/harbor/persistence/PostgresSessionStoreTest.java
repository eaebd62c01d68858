package dev.harbor.persistence;

import dev.harbor.application.port.SessionStore;
import dev.harbor.application.port.SessionStoreContract;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresSessionStoreTest extends SessionStoreContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private Database database;

    @Override
    protected SessionStore emptyStore() {
        database = POSTGRES.freshDatabase();
        return database.sessionStore();
    }

    @Override
    protected void userExists(String username) {
        database.adminUserStore().save(username, "$2a$04$notarealhashnotarealhashnotarealhashnotarealhash");
    }
}
