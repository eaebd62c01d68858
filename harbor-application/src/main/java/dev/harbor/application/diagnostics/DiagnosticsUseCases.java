package dev.harbor.application.diagnostics;

import dev.harbor.application.port.ErrorReporter;

/**
 * Builds the diagnostics use cases over the driven ports. It exists because the application is
 * assembled in another package: the service behind the port stays package-private, and the
 * assembly sees only what it hands out.
 */
public final class DiagnosticsUseCases {

    private DiagnosticsUseCases() {}

    /** @param reporter the error tracker, or {@link ErrorReporter#DISABLED} to only log */
    public static ReportErrors reportErrors(ErrorReporter reporter) {
        return new ErrorReportingService(reporter);
    }
}
