package dev.harbor.persistence;

import dev.harbor.application.port.contract.Stores;
import dev.harbor.application.port.contract.TransactionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTransactionStoreTest extends TransactionStoreContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    protected Stores openStores() {
        return POSTGRES.freshStores();
    }
}
