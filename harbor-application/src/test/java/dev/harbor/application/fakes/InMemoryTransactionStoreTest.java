package dev.harbor.application.fakes;

import dev.harbor.application.port.contract.TransactionStoreContract;
import dev.harbor.application.port.contract.Stores;

class InMemoryTransactionStoreTest extends TransactionStoreContract {

    @Override
    protected Stores openStores() {
        return InMemoryStores.fresh();
    }
}
