package dev.harbor.application.cache;

import dev.harbor.application.port.contract.TransactionStoreContract;
import dev.harbor.application.port.contract.Stores;

class CachedTransactionStoreTest extends TransactionStoreContract {

    @Override
    protected Stores openStores() {
        return CachedStores.fresh();
    }
}
