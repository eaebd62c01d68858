package dev.harbor.hardware.internal;

import dev.harbor.application.port.BoardCommunicationException;

/** One request's deadline and cancellation flag, checked between short read slices. */
final class Attempt {

    private final long deadlineNanos;
    private volatile boolean cancelled;

    Attempt(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    void checkNotCancelled() throws BoardCommunicationException {
        if (cancelled) {
            throw new BoardCommunicationException("attempt cancelled");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new BoardCommunicationException("attempt interrupted");
        }
    }
}
