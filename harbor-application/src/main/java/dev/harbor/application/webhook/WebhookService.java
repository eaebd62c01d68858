package dev.harbor.application.webhook;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.diagnostics.ReportErrors;
import dev.harbor.application.port.RemoteDeviceRefresh;
import dev.harbor.application.port.WebhookDeliveries;
import dev.harbor.application.port.WebhookVerifier;
import dev.harbor.application.port.WebhookVerifier.Event;
import dev.harbor.application.port.WebhookVerifier.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles Bikeep's webhook deliveries (bikeep.md, "Webhooks"): verified by the {@link
 * WebhookVerifier}, recorded once in {@link WebhookDeliveries} before anything is done, then each
 * event acted on by its type.
 */
final class WebhookService implements ReceiveWebhooks {

    /** How long a delivery is remembered: the same one again within this time is dropped. */
    static final Duration REMEMBERED = Duration.ofHours(24);

    static final Actor BIKEEP = new Actor("bikeep");

    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
    private static final int MAX_LOGGED_CHARS = 200;

    private final WebhookVerifier verifier;
    private final WebhookDeliveries deliveries;
    private final RemoteDeviceRefresh refresh;
    private final Auditor auditor;
    private final ReportErrors errors;
    private final Clock clock;

    WebhookService(
            WebhookVerifier verifier,
            WebhookDeliveries deliveries,
            RemoteDeviceRefresh refresh,
            Auditor auditor,
            ReportErrors errors,
            Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Receipt receive(byte[] body) {
        Verdict verdict = verifier.verify(body);
        if (verdict instanceof Verdict.NotAuthentic refused) {
            LOG.warn("Bikeep webhook refused: {}", refused.reason());
            return new Receipt.Refused();
        }
        if (verdict instanceof Verdict.Malformed malformed) {
            LOG.warn("Bikeep webhook refused as malformed: {}", malformed.reason());
            return new Receipt.Malformed(malformed.reason());
        }
        if (!(verdict instanceof Verdict.Authentic delivery)) {
            throw new IllegalStateException("unknown verdict " + verdict);
        }
        Instant now = clock.instant();
        deliveries.forgetReceivedBefore(now.minus(REMEMBERED));
        String id = shortId(delivery.deliveryId());
        if (!deliveries.recordFirst(delivery.deliveryId(), now)) {
            LOG.info("Bikeep webhook {} ({}) seen before: ignored", id, printable(delivery.type()));
            return new Receipt.Accepted(0);
        }
        try {
            for (Event event : delivery.events()) {
                act(delivery.type(), event);
            }
        } catch (RuntimeException e) {
            // Bikeep sends it again after a failed answer; that retry must not be dropped as a repeat.
            deliveries.forget(delivery.deliveryId());
            throw e;
        }
        LOG.debug(
                "Bikeep webhook {} ({}): {} event(s)",
                id,
                printable(delivery.type()),
                delivery.events().size());
        return new Receipt.Accepted(delivery.events().size());
    }

    private void act(String type, Event event) {
        String where = where(event);
        switch (type) {
            case "connection" -> {
                LOG.info("Bikeep connection event: {} is {}{}", where, printable(event.connection()), at(event));
                refresh.refresh(event.locationId(), event.deviceId());
            }
            case "connection_confirmed" -> {
                LOG.warn("Bikeep location offline for 2 h+: {}{}", where, at(event));
                errors.reportUnexpected(
                        new WebhookAlert("Bikeep location offline for 2 h+: " + where + at(event)),
                        "Bikeep webhook connection_confirmed");
            }
            case "alarm" -> {
                String alarm = printable(event.alarmReason()) + " (category " + printable(event.alarmCategory()) + ")";
                LOG.error("Bikeep alarm: {}: {}{}", where, alarm, at(event));
                auditor.record(BIKEEP, "bikeep.alarm", where, "ALARM", alarm);
                errors.reportUnexpected(
                        new WebhookAlert("Bikeep alarm: " + where + ": " + alarm + at(event)), "Bikeep webhook alarm");
            }
            case "status" -> {
                LOG.warn("Bikeep status event: {} stuck in {}{}", where, printable(event.status()), at(event));
                refresh.refresh(event.locationId(), event.deviceId());
            }
            default ->
                LOG.info("Bikeep webhook of type {} accepted, nothing to do: {}{}", printable(type), where, at(event));
        }
    }

    private static String where(Event event) {
        String location = "location " + printable(event.locationId());
        return event.deviceId() == null ? location : "device " + printable(event.deviceId()) + " at " + location;
    }

    private static String at(Event event) {
        return event.timestamp() == null ? "" : " at " + event.timestamp();
    }

    private static String shortId(String deliveryId) {
        return printable(deliveryId.length() <= 12 ? deliveryId : deliveryId.substring(0, 12));
    }

    /**
     * A value from the request body fit for a log line: no line breaks or other control characters
     * (a forged second log line), and not endless.
     */
    static String printable(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder text = new StringBuilder(Math.min(value.length(), MAX_LOGGED_CHARS + 1));
        for (int i = 0; i < value.length() && text.length() < MAX_LOGGED_CHARS; i++) {
            char c = value.charAt(i);
            text.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_LOGGED_CHARS) {
            text.append('…');
        }
        return text.toString();
    }
}
