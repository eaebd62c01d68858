package dev.harbor.hardware.internal;

import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.application.port.LockBoardException;
import dev.harbor.application.port.LockHardwareFault;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLink;
import java.io.IOException;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single request queue of one bus. One thread owns the link: it opens it, runs one job at a
 * time (opens before polls), closes it after any communication failure so the next job starts
 * on a fresh port, and reopens a missing device no sooner than the back-off allows (polls only:
 * a person waiting at a door always gets a real attempt).
 */
final class BusWorker {

    /**
     * A device or bridge that answers at all opens well within this; waiting longer (up to an open's
     * 20 s) would only hold the bus and everything queued on it.
     */
    private static final long MAX_OPEN_NANOS = 3_000_000_000L;

    enum Priority {
        OPEN,
        POLL
    }

    private static final Logger LOG = LoggerFactory.getLogger(BusWorker.class);

    private record Queued<T>(
            Priority priority, long sequence, Attempt attempt, BusJob<T> job, CompletableFuture<T> result) {
        void fail(LockBoardException e) {
            result.completeExceptionally(e);
        }
    }

    private static final Comparator<Queued<?>> ORDER =
            Comparator.<Queued<?>, Priority>comparing(Queued::priority).thenComparingLong(Queued::sequence);

    private final String busKey;
    private final BusLink link;
    private final BusLockBoardSettings settings;
    private final BusConversation conversation;
    private final PriorityBlockingQueue<Queued<?>> queue = new PriorityBlockingQueue<>(16, ORDER);
    private final AtomicLong sequence = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private long backoffNanos;
    private long nextOpenAt;
    private String offlineReason;

    BusWorker(String busKey, BusLink link, BusLockBoardSettings settings) {
        this.busKey = busKey;
        this.link = link;
        this.settings = settings;
        this.conversation = new BusConversation(link, settings);
        this.backoffNanos = settings.reconnectBackoffMin().toNanos();
        this.nextOpenAt = System.nanoTime();
        this.thread = new Thread(this::work, "harbor-bus-" + busKey);
        thread.setDaemon(true);
        thread.start();
    }

    String busKey() {
        return busKey;
    }

    <T> CompletableFuture<T> submit(Priority priority, Attempt attempt, BusJob<T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new BoardCommunicationException("bus " + busKey + " is stopped"));
            return result;
        }
        Queued<T> queued = new Queued<>(priority, sequence.incrementAndGet(), attempt, job, result);
        queue.add(queued);
        // stop() may have drained the queue between the check above and the add: never leave a
        // request waiting for a worker that is gone.
        if (!running && queue.remove(queued)) {
            queued.fail(new BoardCommunicationException("bus " + busKey + " is stopped"));
        }
        return result;
    }

    /** Fails what is still queued, lets the running job end and closes the link. */
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Queued<?> left;
        while ((left = queue.poll()) != null) {
            left.fail(new BoardCommunicationException("bus " + busKey + " is stopped"));
        }
    }

    private void work() {
        try {
            while (running) {
                Queued<?> next = queue.take();
                run(next);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            link.close();
        }
    }

    private <T> void run(Queued<T> queued) {
        Attempt attempt = queued.attempt();
        if (attempt.cancelled() || queued.result().isDone()) {
            return;
        }
        if (queued.priority() == Priority.POLL) {
            // A background poll's time counts from when it reaches the line: the time it waited
            // behind opens of other boards says nothing about its own board, and a poll sent with
            // only a sliver of its time left would report a healthy board as silent.
            attempt = new Attempt(System.nanoTime() + settings.pollTimeout().toNanos());
        }
        if (attempt.remainingNanos() <= 0) {
            queued.fail(new BoardCommunicationException("timed out waiting for bus " + busKey));
            return;
        }
        try {
            ensureOpen(queued.priority(), attempt);
            queued.result().complete(queued.job().run(conversation, attempt));
        } catch (LockHardwareFault fault) {
            queued.fail(fault);
        } catch (BoardCommunicationException e) {
            // A port that timed out or delivered garbage is reopened before the next request.
            if (e.getCause() instanceof IOException && link.isOpen()) {
                LOG.warn("{} failed: {}", link.describe(), e.getMessage());
            }
            link.close();
            queued.fail(e);
        } catch (LockBoardException e) {
            queued.fail(new BoardCommunicationException(e.getMessage(), e));
        } catch (RuntimeException | Error e) {
            // Also an Error (a native library that failed to load): the worker must outlive it,
            // or every later request on this bus would wait for its deadline unanswered.
            LOG.warn("unexpected failure on bus {}", busKey, e);
            link.close();
            queued.fail(new BoardCommunicationException("unexpected failure on " + link.describe() + ": " + e, e));
        }
    }

    private void ensureOpen(Priority priority, Attempt attempt) throws BoardCommunicationException {
        if (link.isOpen()) {
            return;
        }
        long now = System.nanoTime();
        if (priority == Priority.POLL && now - nextOpenAt < 0) {
            throw new BoardCommunicationException(
                    offlineReason + " (retrying in " + Math.max(1, (nextOpenAt - now) / 1_000_000) + " ms)");
        }
        try {
            link.open(Math.max(1, Math.min(attempt.remainingNanos(), MAX_OPEN_NANOS)));
            backoffNanos = settings.reconnectBackoffMin().toNanos();
            if (offlineReason != null) {
                LOG.info("{} is back", link.describe());
                offlineReason = null;
            }
        } catch (IOException e) {
            if (offlineReason == null) {
                LOG.warn("{} is offline: {}", link.describe(), e.getMessage());
            }
            offlineReason = e.getMessage();
            nextOpenAt = System.nanoTime() + backoffNanos;
            backoffNanos =
                    Math.min(backoffNanos * 2, settings.reconnectBackoffMax().toNanos());
            throw new BoardCommunicationException(e.getMessage(), e);
        }
    }
}
