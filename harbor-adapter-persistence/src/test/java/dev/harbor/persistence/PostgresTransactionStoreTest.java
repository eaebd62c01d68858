package dev.harbor.persistence;

import dev.harbor.application.port.contract.Stores;
import dev.harbor.application.port.contract.TransactionStoreContract;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresTransactionStoreTest extends TransactionStoreContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    protected Stores openStores() {
        return POSTGRES.freshStores();
    }
}
