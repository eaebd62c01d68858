package dev.harbor.application.port;

import dev.harbor.domain.controller.ControllerId;
import java.time.Instant;

/**
 * Where a {@link LockBoard} reports its background status polls: the application turns changed
 * readings into door events and a silent board into a non-operational, unhealthy controller.
 */
public interface BoardObserver {

    /** The board answered a poll: this counts as a heartbeat. */
    void statusRead(ControllerId controller, BoardStatus status, Instant at);

    /** The board did not answer a poll, or its device is missing; {@code reason} is for people. */
    void statusFailed(ControllerId controller, String reason, Instant at);
}
