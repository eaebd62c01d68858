package dev.harbor.application.fakes;

import dev.harbor.application.port.contract.Stores;
import dev.harbor.application.port.contract.TransactionStoreContract;

class InMemoryTransactionStoreTest extends TransactionStoreContract {

    @Override
    protected Stores openStores() {
        return InMemoryStores.fresh();
    }
}
