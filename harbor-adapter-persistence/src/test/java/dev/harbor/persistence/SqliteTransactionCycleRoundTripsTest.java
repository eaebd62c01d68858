package dev.harbor.persistence;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

class SqliteTransactionCycleRoundTripsTest extends TransactionCycleRoundTrips {

    @TempDir
    Path dataDir;

    @Override
    protected Database open(UnaryOperator<DataSource> around) {
        return Database.sqlite(dataDir, around);
    }

    /**
     * SQLite has no data-modifying CTEs: the create and the release are each three writes and a
     * commit, and each is followed by the cache's re-read of its locker. These are calls into the
     * library in this process, not trips over a network; what costs is the commits' flushes.
     */
    @Override
    protected int mostRoundTripsPerCycle() {
        return 10;
    }
}
