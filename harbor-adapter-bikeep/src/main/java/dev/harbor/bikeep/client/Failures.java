package dev.harbor.bikeep.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bikeep's error body ({@code {error_message, status_code, correlation_id, error_code}}) to a {@link
 * BikeepException}, logged as one WARN line with the correlation id. Every text that came from outside
 * goes through {@link Secrets#redact} first.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger("dev.harbor.bikeep.client");

    private Failures() {}

    /** One error body, as far as Bikeep filled it in. */
    record ErrorBody(String message, String errorCode, String correlationId) {

        static ErrorBody of(String body) {
            JsonNode node = BikeepJson.parse(body);
            if (!node.isObject()) {
                return new ErrorBody(null, null, null);
            }
            String message = BikeepJson.text(node, "error_message");
            if (message == null) {
                message = BikeepJson.text(node, "error_description");
            }
            String errorCode = BikeepJson.text(node, "error_code");
            if (errorCode == null) {
                errorCode = BikeepJson.text(node, "error");
            }
            return new ErrorBody(message, errorCode, BikeepJson.text(node, "correlation_id"));
        }
    }

    /** The exception for an error answer, logged once. */
    static BikeepException answered(String what, int status, String body, Secrets secrets) {
        ErrorBody error = ErrorBody.of(body);
        String text = "Bikeep " + what + " answered " + status + summary(error, secrets);
        LOG.warn("{}", text);
        return new BikeepException(text, status, error.errorCode(), error.correlationId(), null);
    }

    /** The exception when no answer came, logged once. */
    static BikeepException unreachable(String what, Throwable failure, Secrets secrets) {
        String text = "Bikeep " + what + " failed: " + describe(failure, secrets);
        LOG.warn("{}", text);
        return new BikeepException(text, 0, null, null, failure);
    }

    /** {@code " ERRORS.NOT_FOUND: Device not found (correlation_id=…)"}, or empty. */
    static String bodySummary(String body, Secrets secrets) {
        return summary(ErrorBody.of(body), secrets);
    }

    private static String summary(ErrorBody error, Secrets secrets) {
        StringBuilder text = new StringBuilder();
        if (error.errorCode() != null) {
            text.append(' ').append(secrets.redact(error.errorCode()));
        }
        if (error.message() != null) {
            text.append(error.errorCode() != null ? ": " : " ").append(secrets.redact(error.message()));
        }
        text.append(" (correlation_id=")
                .append(error.correlationId() == null ? "none" : secrets.redact(error.correlationId()))
                .append(')');
        return text.toString();
    }

    /** {@code ConnectException: …} with the first message down the cause chain, else the root cause's name. */
    static String describe(Throwable failure, Secrets secrets) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return failure.getClass().getSimpleName() + ": " + secrets.redact(t.getMessage());
            }
            root = t;
        }
        return failure.getClass().getSimpleName()
                + (root == failure ? "" : " (" + root.getClass().getSimpleName() + ")");
    }
}
