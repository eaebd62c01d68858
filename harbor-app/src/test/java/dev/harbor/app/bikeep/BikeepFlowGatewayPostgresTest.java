package dev.harbor.app.bikeep;

import java.util.Map;

class BikeepFlowGatewayPostgresTest extends BikeepFlowGatewayTest {

    private String url;

    @Override
    Map<String, String> database() throws Exception {
        if (url == null) {
            url = Databases.freshPostgresSchema();
        }
        return Map.of("HARBOR_DB_URL", url);
    }

    @Override
    void dropDatabase() throws Exception {
        if (url != null) {
            Databases.dropSchemaOf(url);
        }
    }
}
