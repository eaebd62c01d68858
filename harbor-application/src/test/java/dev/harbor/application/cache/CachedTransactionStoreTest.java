package dev.harbor.application.cache;

import dev.harbor.application.port.contract.Stores;
import dev.harbor.application.port.contract.TransactionStoreContract;

class CachedTransactionStoreTest extends TransactionStoreContract {

    @Override
    protected Stores openStores() {
        return CachedStores.fresh();
    }
}
