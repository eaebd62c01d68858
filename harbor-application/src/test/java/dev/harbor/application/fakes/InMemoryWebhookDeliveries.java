package dev.harbor.application.fakes;

import dev.harbor.application.port.WebhookDeliveries;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link WebhookDeliveries} in a map; {@code putIfAbsent} is the database's unique key. */
public final class InMemoryWebhookDeliveries implements WebhookDeliveries {

    private final Map<String, Instant> received = new ConcurrentHashMap<>();

    @Override
    public boolean recordFirst(String deliveryId, Instant receivedAt) {
        return received.putIfAbsent(deliveryId, InMemoryDatabase.millis(receivedAt)) == null;
    }

    @Override
    public void forget(String deliveryId) {
        received.remove(deliveryId);
    }

    @Override
    public int forgetReceivedBefore(Instant before) {
        int[] forgotten = {0};
        received.entrySet().removeIf(entry -> {
            boolean old = entry.getValue().isBefore(before);
            if (old) {
                forgotten[0]++;
            }
            return old;
        });
        return forgotten[0];
    }

    /** How many deliveries are remembered now. */
    public int size() {
        return received.size();
    }
}
