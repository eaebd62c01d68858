package dev.harbor.persistence;

import dev.harbor.application.port.WebhookDeliveries;
import dev.harbor.application.port.contract.WebhookDeliveriesContract;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("postgres")
class PostgresWebhookDeliveriesTest extends WebhookDeliveriesContract {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    protected WebhookDeliveries emptyStore() {
        return POSTGRES.freshDatabase().webhookDeliveries();
    }
}
