package dev.harbor.persistence;

import dev.harbor.application.port.contract.LayoutStoreContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresLayoutStoreTest extends LayoutStoreContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    protected Stores openStores() {
        return POSTGRES.freshStores();
    }
}
