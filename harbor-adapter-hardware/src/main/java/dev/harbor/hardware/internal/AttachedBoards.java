package dev.harbor.hardware.internal;

import dev.harbor.application.port.BoardCommunicationException;
import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.application.port.LockBoardException;
import dev.harbor.application.port.OpenConfirmation;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLink;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.hardware.protocol.BoardCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The boards attached to the gateway, each on the worker of its bus, with their background polls.
 * Observer calls run on their own thread, in order, so a slow observer never holds a bus.
 */
public final class AttachedBoards implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AttachedBoards.class);
    /** How long a caller waits past its deadline for the worker to finish the attempt it stopped. */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * How long close waits for a report the observer is still handling: the caller closes the
     * observer's store next, and a report written after that fails. Bounded, so a stuck observer
     * cannot hold up a shutdown.
     */
    private static final Duration OBSERVER_DRAIN = Duration.ofSeconds(2);

    private record Attached(
            ControllerId id,
            BoardEndpoint endpoint,
            BoardDriver driver,
            BusWorker worker,
            AtomicBoolean pollPending,
            ScheduledFuture<?>[] poll) {}

    private final BoardObserver observer;
    private final Clock clock;
    private final BusLockBoardSettings settings;
    private final BusLinkFactory links;
    private final Map<ControllerId, Attached> boards = new HashMap<>();
    private final Map<String, BusWorker> workers = new HashMap<>();
    private final Map<String, Integer> boardsPerBus = new HashMap<>();
    private final ScheduledExecutorService pollTimer =
            Executors.newSingleThreadScheduledExecutor(daemon("harbor-board-polls"));
    private final ExecutorService observerThread = Executors.newSingleThreadExecutor(daemon("harbor-board-observer"));

    public AttachedBoards(BoardObserver observer, Clock clock, BusLockBoardSettings settings, BusLinkFactory links) {
        this.observer = observer;
        this.clock = clock;
        this.settings = settings;
        this.links = links;
    }

    /**
     * Drives the board, replacing any earlier endpoint of this controller. The new registration is
     * made before the old one is let go, so a board that stays on its bus keeps the bus's worker
     * and open port; a worker left without boards is stopped outside the lock, so its shutdown
     * never holds up requests for other boards.
     */
    public void attach(ControllerId controller, BoardEndpoint endpoint, int lockCount) {
        endpoint.protocol().requireLockCount("lockCount", lockCount);
        BusWorker toStop = null;
        synchronized (this) {
            // A factory puts a board on its bus only for a transport it serves, so for a transport no
            // factory serves this does nothing, and linkFor below fails before the board it would
            // replace is touched.
            links.boardAttached(endpoint, lockCount);
            String busKey = endpoint.transport().busKey();
            BusWorker worker =
                    workers.computeIfAbsent(busKey, key -> new BusWorker(key, linkFor(endpoint.transport()), settings));
            Attached previous = boards.get(controller);
            if (previous != null) {
                previous.poll()[0].cancel(false);
            }
            boardsPerBus.merge(busKey, 1, Integer::sum);
            BoardDriver driver = new BoardDriver(
                    BoardCodec.of(endpoint.protocol(), endpoint.options()),
                    endpoint.boardAddress(),
                    lockCount,
                    settings.silentOpenSettle().toNanos());
            Attached attached =
                    new Attached(controller, endpoint, driver, worker, new AtomicBoolean(), new ScheduledFuture<?>[1]);
            boards.put(controller, attached);
            attached.poll()[0] = pollTimer.scheduleAtFixedRate(
                    () -> poll(attached),
                    settings.pollInterval().toNanos(),
                    settings.pollInterval().toNanos(),
                    TimeUnit.NANOSECONDS);
            if (previous != null) {
                toStop = release(previous.endpoint().transport().busKey());
            }
        }
        if (toStop != null) {
            toStop.stop();
        }
    }

    public void detach(ControllerId controller) {
        BusWorker toStop;
        synchronized (this) {
            Attached attached = boards.remove(controller);
            if (attached == null) {
                return;
            }
            attached.poll()[0].cancel(false);
            toStop = release(attached.endpoint().transport().busKey());
        }
        if (toStop != null) {
            toStop.stop();
        }
    }

    /** One board fewer on the bus; @return its worker when no board is left on it, to be stopped */
    private BusWorker release(String busKey) {
        if (boardsPerBus.merge(busKey, -1, Integer::sum) == 0) {
            boardsPerBus.remove(busKey);
            return workers.remove(busKey);
        }
        return null;
    }

    public OpenConfirmation open(ControllerId controller, int lockNumber, Duration deadline) throws LockBoardException {
        Attached attached = attached(controller);
        if (lockNumber < 1 || lockNumber > attached.driver().lockCount()) {
            // Possible in a race with a shrinking bank: an answer the caller can handle, never a crash.
            throw new BoardCommunicationException("controller " + controller + " has locks 1-"
                    + attached.driver().lockCount() + ", not " + lockNumber);
        }
        Attempt attempt = new Attempt(System.nanoTime() + deadline.toNanos());
        return await(
                attached.worker()
                        .submit(
                                BusWorker.Priority.OPEN,
                                attempt,
                                (line, at) -> attached.driver().open(line, lockNumber, at)),
                attempt,
                deadline);
    }

    public BoardStatus readStatus(ControllerId controller, Duration deadline) throws LockBoardException {
        Attached attached = attached(controller);
        Attempt attempt = new Attempt(System.nanoTime() + deadline.toNanos());
        return await(
                attached.worker()
                        .submit(
                                BusWorker.Priority.OPEN,
                                attempt,
                                (line, at) -> attached.driver().readStatus(line, at)),
                attempt,
                deadline);
    }

    private synchronized Attached attached(ControllerId controller) throws BoardCommunicationException {
        Attached attached = boards.get(controller);
        if (attached == null) {
            throw new BoardCommunicationException("controller " + controller + " is not attached");
        }
        return attached;
    }

    private static <T> T await(CompletableFuture<T> result, Attempt attempt, Duration deadline)
            throws LockBoardException {
        try {
            return result.get(deadline.toNanos() + GRACE_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            attempt.cancel();
            throw new BoardCommunicationException("no answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            attempt.cancel();
            Thread.currentThread().interrupt();
            throw new BoardCommunicationException("interrupted while waiting for the board");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LockBoardException failure) {
                throw failure;
            }
            throw new BoardCommunicationException("board request failed: " + e.getCause(), e.getCause());
        }
    }

    private void poll(Attached attached) {
        if (!attached.pollPending().compareAndSet(false, true)) {
            return;
        }
        Attempt attempt = new Attempt(System.nanoTime() + settings.pollTimeout().toNanos());
        attached.worker()
                .submit(
                        BusWorker.Priority.POLL,
                        attempt,
                        (line, at) -> attached.driver().readStatus(line, at))
                .whenComplete((status, failure) -> {
                    attached.pollPending().set(false);
                    try {
                        observerThread.execute(() -> report(attached, status, failure));
                    } catch (RejectedExecutionException closed) {
                        // The gateway is closing: nobody is listening any more.
                    }
                });
    }

    private void report(Attached attached, BoardStatus status, Throwable failure) {
        synchronized (this) {
            if (boards.get(attached.id()) != attached) {
                return;
            }
        }
        try {
            if (failure == null) {
                observer.statusRead(attached.id(), status, clock.instant());
            } else {
                observer.statusFailed(attached.id(), failure.getMessage(), clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.warn("board observer failed for controller {}", attached.id(), e);
        }
    }

    private BusLink linkFor(Transport transport) {
        return links.linkFor(transport)
                .orElseThrow(() -> new IllegalArgumentException(
                        "this gateway has no link for " + transport.type() + " transports"));
    }

    /**
     * Stops polling, fails queued requests, closes every link, and waits (at most
     * {@link #OBSERVER_DRAIN}) until the observer has finished the report it is handling: once this
     * returns the observer is not called again.
     */
    @Override
    public void close() {
        pollTimer.shutdownNow();
        for (ControllerId controller : Map.copyOf(boards).keySet()) {
            detach(controller);
        }
        // Reports still queued find their board detached and return without calling the observer.
        observerThread.shutdown();
        try {
            if (!observerThread.awaitTermination(OBSERVER_DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                observerThread.shutdownNow();
                LOG.warn(
                        "the board observer was still busy {} after close; it may be called once more", OBSERVER_DRAIN);
            }
        } catch (InterruptedException e) {
            observerThread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
