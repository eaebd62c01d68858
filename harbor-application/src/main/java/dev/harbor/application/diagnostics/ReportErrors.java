package dev.harbor.application.diagnostics;

/**
 * Hands unexpected failures to the error tracker (Sentry), and proves the tracker is reachable
 * with a test event. Reporting never turns one failure into two: a tracker that fails is only
 * logged.
 */
public interface ReportErrors {

    /**
     * Reports a failure nobody expected (a bug, a lost database …); does nothing when reporting
     * is off.
     *
     * @param context where it happened, for example {@code "GET /lockers"}; never secrets
     */
    void reportUnexpected(Throwable error, String context);

    /** Sends a harmless event so an operator can see it arrive in the tracker. */
    TestEventResult sendTestEvent();

    sealed interface TestEventResult {
        /** The tracker took the event; {@code eventId} is its id there. */
        record Sent(String eventId) implements TestEventResult {}

        /** Reporting is on, but the tracker did not take the event. */
        record NotSent() implements TestEventResult {}

        /** No tracker is configured. */
        record Disabled() implements TestEventResult {}
    }

    /** Reporting off: failures are only logged where they happen, the test event is refused. */
    ReportErrors OFF = new ReportErrors() {
        @Override
        public void reportUnexpected(Throwable error, String context) {}

        @Override
        public TestEventResult sendTestEvent() {
            return new TestEventResult.Disabled();
        }
    };
}
