package dev.harbor.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Tells whether a webhook delivery really comes from the cloud that hosts remote devices (Bikeep),
 * and reads its events. How a delivery proves where it comes from is that cloud's business: the
 * application only sees the verdict.
 */
public interface WebhookVerifier {

    /**
     * Judges a delivery by the exact bytes of the request body.
     *
     * @param body the body as received, never re-encoded
     */
    Verdict verify(byte[] body);

    sealed interface Verdict {

        /**
         * The delivery is authentic and well formed.
         *
         * @param type       the event type of every event in it ({@code connection}, {@code alarm}, …)
         * @param deliveryId what identifies this delivery: the same delivery sent again has the same id
         * @param events     one or more events, in the order they came
         */
        record Authentic(String type, String deliveryId, List<Event> events) implements Verdict {
            public Authentic {
                Objects.requireNonNull(type, "type");
                Objects.requireNonNull(deliveryId, "deliveryId");
                events = List.copyOf(events);
            }
        }

        /**
         * The delivery cannot be trusted (wrong or missing hash, or nothing to check it with).
         *
         * @param reason for the log; never holds a secret
         */
        record NotAuthentic(String reason) implements Verdict {}

        /**
         * The body is not a delivery: not JSON, or not the envelope or events the cloud sends.
         *
         * @param reason for the log and the answer; never quotes the body
         */
        record Malformed(String reason) implements Verdict {}
    }

    /**
     * One event of a delivery. Only {@code locationId} is always there; which of the others are
     * depends on the type.
     *
     * @param deviceId      {@code null} when the event is about the whole location
     * @param connection    {@code online} or {@code offline} for connection events, else {@code null}
     * @param alarmReason   what triggered an alarm, else {@code null}
     * @param alarmCategory the alarm's category, else {@code null}
     * @param status        the anomalous state a status event reports, else {@code null}
     * @param timestamp     when it happened, {@code null} when not given
     */
    record Event(
            String locationId,
            String deviceId,
            String connection,
            String alarmReason,
            String alarmCategory,
            String status,
            Instant timestamp) {

        public Event {
            Objects.requireNonNull(locationId, "locationId");
        }
    }

    /** No way to verify anything (webhooks not configured): every delivery is refused. */
    WebhookVerifier REFUSE_ALL = body -> new Verdict.NotAuthentic("webhooks are not configured");
}
