package dev.harbor.application.fakes;

import dev.harbor.application.port.contract.AuditTrailContract;
import dev.harbor.application.port.contract.Stores;

class InMemoryAuditTrailTest extends AuditTrailContract {

    @Override
    protected Stores openStores() {
        return InMemoryStores.fresh();
    }
}
