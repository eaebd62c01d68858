package dev.harbor.application.port;

import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import java.time.Duration;

/**
 * The lock-control boards, as the application needs them: pulse a lock, read the door sensors.
 *
 * <p>An implementation drives every attached board over its transport, one request at a time per
 * bus, polls each attached board's status in the background and reports what it saw to the
 * {@link BoardObserver} it was built with. Retrying is not its business: one call is one attempt,
 * and the door-open policy of the application decides whether to try again.
 */
public interface LockBoard {

    /**
     * Starts driving a board, or switches an attached controller to a new endpoint (a replaced board).
     * Never fails because the device is missing or silent: the board then reports itself offline
     * through the observer and is reached again when it comes back.
     */
    void attach(ControllerId controller, BoardEndpoint endpoint, int lockCount);

    /** Stops driving the board; later calls for it fail with {@link BoardCommunicationException}. */
    void detach(ControllerId controller);

    /**
     * One attempt to pulse one lock, numbered from 1. Returns once the board confirmed the open,
     * or throws; never blocks much past {@code deadline}, and stops its I/O when interrupted.
     *
     * @throws BoardCommunicationException no answer, a corrupt answer, a link that is down: worth retrying
     * @throws LockHardwareFault           the board answered that the lock did not release: never retried
     */
    OpenConfirmation open(ControllerId controller, int lockNumber, Duration deadline) throws LockBoardException;

    /** Reads every lock of the board once, ahead of the background polls. */
    BoardStatus readStatus(ControllerId controller, Duration deadline) throws LockBoardException;
}
