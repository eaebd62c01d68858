package dev.harbor.http.webhook;

import dev.harbor.application.webhook.ReceiveWebhooks;
import dev.harbor.application.webhook.ReceiveWebhooks.Receipt;
import dev.harbor.http.internal.Access;
import dev.harbor.http.internal.ApiError;
import dev.harbor.http.internal.BodyLimit;
import dev.harbor.http.internal.HttpTools;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code POST /bikeep/webhooks}: Bikeep's webhook deliveries. No admin credentials: the delivery's
 * hash authenticates it, and checking it is the use case's business, so the body goes to it as the
 * exact bytes received.
 */
public final class WebhookHandlers {

    private static final String PATH = "/bikeep/webhooks";

    private final ReceiveWebhooks webhooks;
    private final HttpTools http;

    public WebhookHandlers(ReceiveWebhooks webhooks, HttpTools http) {
        this.webhooks = webhooks;
        this.http = http;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::receive, BodyLimit.WEBHOOK, Access.WITHOUT_CLIENT_KEY);
    }

    private void receive(Context ctx) {
        Receipt receipt = webhooks.receive(http.bodies().readRaw(ctx));
        if (receipt instanceof Receipt.Accepted accepted) {
            http.responses().ok(ctx, new WebhookResponse(accepted.events()));
        } else if (receipt instanceof Receipt.Refused) {
            throw new ApiError(401, "UNAUTHORIZED", "The webhook's hash is missing or wrong", Map.of());
        } else if (receipt instanceof Receipt.Malformed malformed) {
            throw ApiError.invalid("The webhook is malformed: " + malformed.reason(), Map.of());
        } else {
            throw new IllegalStateException("unknown receipt " + receipt);
        }
    }

    /** {@code accepted}: how many events were acted on, 0 for a delivery seen before. */
    record WebhookResponse(int accepted) {}
}
