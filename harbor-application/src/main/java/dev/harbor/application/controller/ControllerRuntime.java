package dev.harbor.application.controller;

import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the gateway knows about each controller at run time and never stores: whether its board
 * answered the last poll, when it last answered, and counters of opens. Rebuilt from the boards
 * after a restart.
 */
public final class ControllerRuntime {

    /**
     * @param online        the board answered its most recent poll
     * @param lastSeenAt    the last answer (a heartbeat), {@code null} if never
     * @param attachedAt    when the gateway started driving it: the reference for health before a first answer
     * @param offlineReason why it is offline, for people
     */
    public record Snapshot(
            boolean online,
            Instant lastSeenAt,
            Instant attachedAt,
            String offlineReason,
            long opens,
            long failures,
            String lastError,
            Instant lastErrorAt) {}

    public record Counts(int total, int online) {}

    private final Map<ControllerId, Snapshot> snapshots = new ConcurrentHashMap<>();
    /** How each driven board is spoken to: the label of its opens in the metrics, without a database read. */
    private final Map<ControllerId, Protocol> protocols = new ConcurrentHashMap<>();

    /** Why a controller is offline before its board has answered a single poll. */
    public static final String AWAITING_FIRST_ANSWER = "its board has not answered yet";

    /**
     * A newly attached board is offline until it answers its first poll: a miswired or missing
     * board must never look healthy, nor have its lockers handed out. This holds at start-up too,
     * for controllers read from the layout or the database.
     */
    public void attached(ControllerId id, Protocol protocol, Instant at) {
        protocols.put(id, protocol);
        snapshots.put(id, new Snapshot(false, null, at, AWAITING_FIRST_ANSWER, 0, 0, null, null));
    }

    /**
     * The controller now talks to another board (a swap or a move): nothing has been heard from
     * that one yet, so it is offline until it answers, but the controller's counters of opens and
     * failures go on.
     */
    public void reattached(ControllerId id, Protocol protocol, Instant at) {
        protocols.put(id, protocol);
        snapshots.compute(
                id,
                (k, s) -> s == null
                        ? new Snapshot(false, null, at, AWAITING_FIRST_ANSWER, 0, 0, null, null)
                        : new Snapshot(
                                false,
                                null,
                                at,
                                AWAITING_FIRST_ANSWER,
                                s.opens(),
                                s.failures(),
                                s.lastError(),
                                s.lastErrorAt()));
    }

    /** Whether the controller is driven and its board has not answered since it was (re)attached. */
    public boolean awaitingFirstAnswer(ControllerId id) {
        Snapshot snapshot = snapshots.get(id);
        return snapshot != null && snapshot.lastSeenAt() == null;
    }

    public void detached(ControllerId id) {
        snapshots.remove(id);
        protocols.remove(id);
    }

    /** The protocol of the board the controller is driven at; empty when it is not driven. */
    public Optional<Protocol> protocol(ControllerId id) {
        return Optional.ofNullable(protocols.get(id));
    }

    public void answered(ControllerId id, Instant at) {
        snapshots.computeIfPresent(
                id,
                (k, s) -> new Snapshot(
                        true, at, s.attachedAt(), null, s.opens(), s.failures(), s.lastError(), s.lastErrorAt()));
    }

    public void silent(ControllerId id, String reason, Instant at) {
        snapshots.computeIfPresent(
                id,
                (k, s) -> new Snapshot(
                        false,
                        s.lastSeenAt(),
                        s.attachedAt(),
                        reason,
                        s.opens(),
                        s.failures(),
                        s.lastError(),
                        s.lastErrorAt()));
    }

    public void openSucceeded(ControllerId id) {
        snapshots.computeIfPresent(
                id,
                (k, s) -> new Snapshot(
                        s.online(),
                        s.lastSeenAt(),
                        s.attachedAt(),
                        s.offlineReason(),
                        s.opens() + 1,
                        s.failures(),
                        s.lastError(),
                        s.lastErrorAt()));
    }

    public void openFailed(ControllerId id, String error, Instant at) {
        snapshots.computeIfPresent(
                id,
                (k, s) -> new Snapshot(
                        s.online(),
                        s.lastSeenAt(),
                        s.attachedAt(),
                        s.offlineReason(),
                        s.opens(),
                        s.failures() + 1,
                        error,
                        at));
    }

    public Optional<Snapshot> snapshot(ControllerId id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    /** How many controllers are driven, and how many of them answer. */
    public Counts counts() {
        int total = 0;
        int online = 0;
        for (Snapshot snapshot : snapshots.values()) {
            total++;
            if (snapshot.online()) {
                online++;
            }
        }
        return new Counts(total, online);
    }

    /** Lockers of an unknown or silent controller are not operational. */
    public boolean isOperational(ControllerId id) {
        Snapshot snapshot = snapshots.get(id);
        return snapshot != null && snapshot.online();
    }
}
