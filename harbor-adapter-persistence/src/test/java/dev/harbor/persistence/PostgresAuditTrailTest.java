package dev.harbor.persistence;

import dev.harbor.application.port.contract.AuditTrailContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresAuditTrailTest extends AuditTrailContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    protected Stores openStores() {
        return POSTGRES.freshStores();
    }
}
