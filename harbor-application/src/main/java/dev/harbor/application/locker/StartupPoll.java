package dev.harbor.application.locker;

import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.LockBoard;
import dev.harbor.application.port.LockBoardException;
import dev.harbor.domain.controller.ControllerId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every board once as the gateway starts, so that the lockers of the boards that answer can
 * be handed out as soon as the start returns, instead of after the first background poll. A board
 * stays offline until it has answered: one that does not answer here stays so until a later poll.
 * The wait is bounded: past it the start goes on, and the reads still running report when they end.
 */
public final class StartupPoll {

    private static final Logger log = LoggerFactory.getLogger(StartupPoll.class);
    /** Threads reading at once: boards on one bus wait for each other anyway. */
    private static final int MAX_THREADS = 8;

    private final LockBoard board;
    private final BoardObserver observer;
    private final Clock clock;

    public StartupPoll(LockBoard board, BoardObserver observer, Clock clock) {
        this.board = board;
        this.observer = observer;
        this.clock = clock;
    }

    /**
     * Reads each controller's board once, each read allowed {@code deadline}, and waits for them
     * all at most {@code maxWait}.
     */
    public void pollOnce(List<ControllerId> controllers, Duration deadline, Duration maxWait) {
        begin(controllers, deadline).await(maxWait);
    }

    /**
     * Starts reading each controller's board once, each read allowed {@code deadline}, and returns
     * at once: the caller does what does not depend on the boards (builds the HTTP routes) while
     * the reads wait on the bus, then waits for them with {@link Reads#await}.
     */
    public Reads begin(List<ControllerId> controllers, Duration deadline) {
        if (controllers.isEmpty()) {
            return maxWait -> {};
        }
        ExecutorService readers = Executors.newFixedThreadPool(Math.min(MAX_THREADS, controllers.size()), r -> {
            Thread thread = new Thread(r, "harbor-startup-poll");
            thread.setDaemon(true);
            return thread;
        });
        for (ControllerId controller : controllers) {
            readers.execute(() -> read(controller, deadline));
        }
        readers.shutdown();
        return maxWait -> {
            try {
                if (!readers.awaitTermination(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.info(
                            "Some boards have not answered within {} ms of the start: they are offline until they do",
                            maxWait.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** The start-up reads under way. */
    @FunctionalInterface
    public interface Reads {
        /** Waits until every read has ended, at most {@code maxWait}; the reads still running go on. */
        void await(Duration maxWait);
    }

    private void read(ControllerId controller, Duration deadline) {
        try {
            observer.statusRead(controller, board.readStatus(controller, deadline), clock.instant());
        } catch (LockBoardException e) {
            observer.statusFailed(controller, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("Reading controller {} at start-up failed", controller, e);
        }
    }
}
