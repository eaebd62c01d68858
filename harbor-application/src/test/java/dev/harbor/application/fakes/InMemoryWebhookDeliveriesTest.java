package dev.harbor.application.fakes;

import dev.harbor.application.port.WebhookDeliveries;
import dev.harbor.application.port.contract.WebhookDeliveriesContract;

class InMemoryWebhookDeliveriesTest extends WebhookDeliveriesContract {

    @Override
    protected WebhookDeliveries emptyStore() {
        return new InMemoryWebhookDeliveries();
    }
}
