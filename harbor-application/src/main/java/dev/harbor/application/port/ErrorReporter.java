package dev.harbor.application.port;

import java.util.Optional;

/** Sends unexpected errors to an error tracker (Sentry), scrubbed of secrets. */
public interface ErrorReporter {

    /** @return the tracker's event id, empty when reporting is off */
    Optional<String> report(Throwable error, String context);

    /** @return the tracker's event id, empty when reporting is off */
    Optional<String> sendTestEvent();

    boolean isEnabled();

    ErrorReporter DISABLED = new ErrorReporter() {
        @Override
        public Optional<String> report(Throwable error, String context) {
            return Optional.empty();
        }

        @Override
        public Optional<String> sendTestEvent() {
            return Optional.empty();
        }

        @Override
        public boolean isEnabled() {
            return false;
        }
    };
}
