package dev.harbor.persistence;

import dev.harbor.application.port.contract.AuditTrailContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteAuditTrailTest extends AuditTrailContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected Stores openStores() {
        return sqlite.stores();
    }
}
