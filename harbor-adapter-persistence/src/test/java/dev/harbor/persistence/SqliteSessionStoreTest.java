package dev.harbor.persistence;

import dev.harbor.application.port.SessionStore;
import dev.harbor.application.port.SessionStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteSessionStoreTest extends SessionStoreContract {

    @TempDir
    Path dataDir;

    private Database database;

    @Override
    protected SessionStore emptyStore() {
        database = Database.sqlite(dataDir);
        return database.sessionStore();
    }

    @Override
    protected void userExists(String username) {
        database.adminUserStore().save(username, "$2a$04$notarealhashnotarealhashnotarealhashnotarealhash");
    }
    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
