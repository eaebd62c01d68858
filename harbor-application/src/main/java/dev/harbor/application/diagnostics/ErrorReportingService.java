package dev.harbor.application.diagnostics;

import dev.harbor.application.port.ErrorReporter;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends failures and the test event through the configured {@link ErrorReporter}. */
final class ErrorReportingService implements ReportErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReportingService.class);

    private final ErrorReporter reporter;

    ErrorReportingService(ErrorReporter reporter) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    @Override
    public void reportUnexpected(Throwable error, String context) {
        if (!reporter.isEnabled()) {
            return;
        }
        try {
            reporter.report(error, context);
        } catch (RuntimeException failure) {
            // The failure being reported is already logged by the caller; this one must not hide it.
            LOG.warn("Could not report the error: {}", failure.toString());
        }
    }

    @Override
    public TestEventResult sendTestEvent() {
        if (!reporter.isEnabled()) {
            return new TestEventResult.Disabled();
        }
        return reporter.sendTestEvent()
                .<TestEventResult>map(TestEventResult.Sent::new)
                .orElseGet(TestEventResult.NotSent::new);
    }
}
