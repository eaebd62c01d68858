package dev.harbor.hardware;

import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.domain.controller.ControllerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A hand-written observer that keeps every report, so tests can wait for one. */
final class RecordingBoardObserver implements BoardObserver {

    sealed interface Report permits Read, Failed {
        ControllerId controller();
    }

    record Read(ControllerId controller, BoardStatus status, Instant at) implements Report {}

    record Failed(ControllerId controller, String reason, Instant at) implements Report {}

    private final List<Report> reports = new ArrayList<>();

    @Override
    public synchronized void statusRead(ControllerId controller, BoardStatus status, Instant at) {
        reports.add(new Read(controller, status, at));
        notifyAll();
    }

    @Override
    public synchronized void statusFailed(ControllerId controller, String reason, Instant at) {
        reports.add(new Failed(controller, reason, at));
        notifyAll();
    }

    synchronized List<Report> reports() {
        return List.copyOf(reports);
    }

    synchronized int size() {
        return reports.size();
    }

    /** Waits for a report after the first {@code skip} ones that matches. */
    synchronized Optional<Report> await(int skip, Predicate<Report> matching, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = skip; i < reports.size(); i++) {
                if (matching.test(reports.get(i))) {
                    return Optional.of(reports.get(i));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
