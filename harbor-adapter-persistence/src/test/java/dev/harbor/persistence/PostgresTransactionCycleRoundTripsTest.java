package dev.harbor.persistence;

import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresTransactionCycleRoundTripsTest extends TransactionCycleRoundTrips {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    protected Database open(UnaryOperator<DataSource> around) {
        return Database.postgres(POSTGRES.url(), null, null, around);
    }

    /** A statement for the create and one for the release, each followed by the cache's re-read of its locker. */
    @Override
    protected int mostRoundTripsPerCycle() {
        return 4;
    }
}
