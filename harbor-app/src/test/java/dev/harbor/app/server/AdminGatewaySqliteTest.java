package dev.harbor.app.server;

import java.util.Map;

class AdminGatewaySqliteTest extends AdminGatewayTest {

    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
