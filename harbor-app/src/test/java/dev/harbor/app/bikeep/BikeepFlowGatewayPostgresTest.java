package dev.harbor.app.bikeep;

import dev.harbor.app.testing.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class BikeepFlowGatewayPostgresTest extends BikeepFlowGatewayTest {

    private String url;

    @Override
    Map<String, String> database() throws Exception {
        if (url == null) {
            url = TestDatabases.freshPostgresSchema();
        }
        return Map.of("HARBOR_DB_URL", url);
    }

    @Override
    void dropDatabase() throws Exception {
        if (url != null) {
            TestDatabases.dropSchemaOf(url);
        }
    }
}
