-- The Bikeep webhook deliveries handled in the last 24 hours, by their hash, so the same delivery
-- sent again is not handled twice, not even after a restart. The primary key is what lets exactly
-- one of two concurrent identical deliveries in.
CREATE TABLE webhook_deliveries (
    delivery_id VARCHAR(64) PRIMARY KEY,
    received_at BIGINT      NOT NULL
);

CREATE INDEX webhook_deliveries_by_age ON webhook_deliveries (received_at);
