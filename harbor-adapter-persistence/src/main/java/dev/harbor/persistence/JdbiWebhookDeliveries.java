package dev.harbor.persistence;

import dev.harbor.application.port.WebhookDeliveries;
import dev.harbor.persistence.internal.Access;
import java.time.Instant;

/** {@link WebhookDeliveries} on the {@code webhook_deliveries} table, whose primary key keeps each id once. */
public final class JdbiWebhookDeliveries implements WebhookDeliveries {

    private final Access db;

    JdbiWebhookDeliveries(Access db) {
        this.db = db;
    }

    @Override
    public boolean recordFirst(String deliveryId, Instant receivedAt) {
        // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a concurrent insert of the same id
        // waits for the first one to commit, then inserts nothing, so exactly one call sees a row.
        return db.write(h -> h.createUpdate("INSERT INTO webhook_deliveries (delivery_id, received_at) "
                                + "VALUES (:id, :at) ON CONFLICT (delivery_id) DO NOTHING")
                        .bind("id", deliveryId)
                        .bind("at", receivedAt.toEpochMilli())
                        .execute())
                == 1;
    }

    @Override
    public void forget(String deliveryId) {
        db.write(h -> h.createUpdate("DELETE FROM webhook_deliveries WHERE delivery_id = :id")
                .bind("id", deliveryId)
                .execute());
    }

    @Override
    public int forgetReceivedBefore(Instant before) {
        return db.write(h -> h.createUpdate("DELETE FROM webhook_deliveries WHERE received_at < :before")
                .bind("before", before.toEpochMilli())
                .execute());
    }
}
