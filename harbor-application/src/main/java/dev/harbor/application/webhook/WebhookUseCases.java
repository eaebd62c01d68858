package dev.harbor.application.webhook;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.diagnostics.ReportErrors;
import dev.harbor.application.port.RemoteDeviceRefresh;
import dev.harbor.application.port.WebhookDeliveries;
import dev.harbor.application.port.WebhookVerifier;
import java.time.Clock;

/**
 * Builds the webhook use case over the driven ports. It exists because the application is
 * assembled in another package: the service behind the port stays package-private.
 */
public final class WebhookUseCases {

    private WebhookUseCases() {}

    /**
     * @param refresh asked to re-read the devices a {@code connection} or {@code status} event names
     * @param errors  receives an error report for every alarm and confirmed outage
     */
    public static ReceiveWebhooks receive(
            WebhookVerifier verifier,
            WebhookDeliveries deliveries,
            RemoteDeviceRefresh refresh,
            Auditor auditor,
            ReportErrors errors,
            Clock clock) {
        return new WebhookService(verifier, deliveries, refresh, auditor, errors, clock);
    }
}
