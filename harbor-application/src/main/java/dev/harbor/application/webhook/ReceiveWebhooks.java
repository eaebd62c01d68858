package dev.harbor.application.webhook;

import java.util.Objects;

/**
 * Receives a webhook delivery from the cloud that hosts remote devices (Bikeep): checks that it is
 * authentic, drops it when the same delivery came within the last 24 hours, and acts on each of
 * its events (logs, audit entries, error reports, device re-reads).
 */
public interface ReceiveWebhooks {

    /**
     * Handles one delivery.
     *
     * @param body the request body exactly as received: the authenticity check covers its bytes
     */
    Receipt receive(byte[] body);

    sealed interface Receipt {

        /**
         * Taken. {@code events} is how many events were acted on: {@code 0} for a delivery seen
         * before.
         */
        record Accepted(int events) implements Receipt {}

        /** Not authentic (wrong or missing hash, or webhooks not configured): nothing was recorded. */
        record Refused() implements Receipt {}

        /**
         * Not a delivery: not JSON, or not the envelope. Nothing was recorded.
         *
         * @param reason says what is wrong without quoting the body
         */
        record Malformed(String reason) implements Receipt {
            public Malformed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** Webhooks not configured: every delivery is refused. */
    ReceiveWebhooks REFUSE_ALL = body -> new Receipt.Refused();
}
