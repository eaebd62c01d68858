package dev.harbor.persistence;

import dev.harbor.application.port.contract.Stores;
import dev.harbor.application.port.contract.TransactionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteTransactionStoreTest extends TransactionStoreContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected Stores openStores() {
        return sqlite.stores();
    }
}
