package dev.harbor.app.bikeep;

import java.util.Map;

class BikeepFlowGatewaySqliteTest extends BikeepFlowGatewayTest {

    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
