package dev.harbor.persistence;

import dev.harbor.application.port.LoginFailureStore;
import dev.harbor.application.port.LoginFailureStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteLoginFailureStoreTest extends LoginFailureStoreContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected LoginFailureStore emptyStore() {
        return sqlite.database().loginFailureStore();
    }
}
