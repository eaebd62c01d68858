package dev.harbor.application.port;

import java.time.Instant;

/**
 * The webhook deliveries already handled, by delivery id, so that the same delivery sent again is
 * not handled twice. Durable: a restart does not replay a delivery.
 */
public interface WebhookDeliveries {

    /**
     * Records a delivery unless it is recorded already. Atomic: of concurrent calls with one id,
     * exactly one returns {@code true}.
     *
     * @return {@code true} when the delivery was new and is now recorded
     */
    boolean recordFirst(String deliveryId, Instant receivedAt);

    /** Forgets a delivery (its handling failed, so the sender's retry must be handled). */
    void forget(String deliveryId);

    /**
     * Forgets every delivery received before {@code before}.
     *
     * @return how many were forgotten
     */
    int forgetReceivedBefore(Instant before);
}
