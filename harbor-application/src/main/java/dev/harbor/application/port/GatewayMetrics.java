package dev.harbor.application.port;

import dev.harbor.domain.controller.Protocol;

/**
 * What the use cases tell a monitoring system as it happens: door opens, board polls, transactions
 * created and released. Every callback is called on the hot path, so an implementation must not
 * block; none carries a transaction id, card id or any other value that names a person. State that
 * can be read at any time (lockers by state, controllers online) is not reported here: the
 * monitoring side reads it from the query use cases when it is scraped.
 */
public interface GatewayMetrics {

    /** Nothing is measured: the default when no monitoring is wired. */
    GatewayMetrics NOOP = new GatewayMetrics() {};

    /** How the door-open policy ended for one lock of an own board. */
    enum OpenOutcome {
        OPENED,
        HARDWARE_FAULT,
        UNREACHABLE
    }

    /**
     * One open of a lock on an own board, all its attempts included.
     *
     * @param protocol the board's protocol, {@code null} when its controller is not known any more
     * @param nanos    from the first attempt to the outcome
     */
    default void doorOpened(Protocol protocol, OpenOutcome outcome, int attempts, long nanos) {}

    /** A board answered its status poll ({@code answered}) or did not. */
    default void boardPolled(boolean answered) {}

    /** A new transaction booked a locker (an idempotent repeat does not count). */
    default void transactionCreated() {}

    /** A transaction ended and freed its locker. */
    default void transactionReleased() {}
}
