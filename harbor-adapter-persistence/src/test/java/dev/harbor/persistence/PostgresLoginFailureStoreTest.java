package dev.harbor.persistence;

import dev.harbor.application.port.LoginFailureStore;
import dev.harbor.application.port.LoginFailureStoreContract;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresLoginFailureStoreTest extends LoginFailureStoreContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    protected LoginFailureStore emptyStore() {
        return POSTGRES.freshDatabase().loginFailureStore();
    }
}
