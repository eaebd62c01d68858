package dev.harbor.persistence;

import dev.harbor.application.port.contract.RemoteCommandLogContract;
import dev.harbor.application.port.contract.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteRemoteCommandLogTest extends RemoteCommandLogContract {

    @RegisterExtension
    final SqliteFile sqlite = new SqliteFile();

    @Override
    protected Stores openStores() {
        return sqlite.stores();
    }
}
