package dev.harbor.application.webhook;

/**
 * What the error tracker receives for an alarm or a confirmed outage that a webhook reported: an
 * event to look at, not a bug, so it carries no stack trace.
 */
final class WebhookAlert extends RuntimeException {

    WebhookAlert(String message) {
        super(message, null, false, false);
    }
}
