package dev.harbor.application.fakes;

import dev.harbor.application.port.ErrorReporter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An error tracker that keeps what it is sent, for tests to read. */
public final class RecordingErrorReporter implements ErrorReporter {

    /** One report: the error and the context it was reported with. */
    public record Report(Throwable error, String context) {}

    private final List<Report> reports = new CopyOnWriteArrayList<>();

    @Override
    public Optional<String> report(Throwable error, String context) {
        reports.add(new Report(error, context));
        return Optional.of("event-" + reports.size());
    }

    @Override
    public Optional<String> sendTestEvent() {
        return Optional.of("test-event");
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    public List<Report> reports() {
        return List.copyOf(reports);
    }
}
