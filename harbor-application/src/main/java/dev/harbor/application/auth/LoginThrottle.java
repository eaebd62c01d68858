package dev.harbor.application.auth;

import dev.harbor.application.port.LoginFailureStore;
import dev.harbor.application.port.LoginFailureStore.LoginFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed password checks per client and locks a client out after too many. A check
 * reserves its slot before the (slow) password verification, so a burst of parallel guesses
 * cannot slip past the limit while the first ones are still being verified.
 *
 * <p>The counts are kept in memory and written through to a {@link LoginFailureStore} at each
 * failure (and when a success forgives failures), and read back when the gateway starts: a restart
 * does not clear a lockout. Checks in flight are not stored: they end with the process. A store
 * that fails is logged and otherwise ignored: the throttle goes on in memory.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** Past this many tracked clients, forgotten ones are pruned on the next failure. */
    private static final int PRUNE_ABOVE = 10_000;
    /** Told to a client whose remaining attempts are all in flight. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private record State(
            int failures, Instant windowStart, int inFlight, Instant lockedUntil, int lockouts, Instant lastFailure) {
        static final State FRESH = new State(0, null, 0, null, 0, null);
    }

    sealed interface Admission {
        record Admitted() implements Admission {}

        record Refused(Duration retryAfter) implements Admission {}
    }

    private final ConcurrentHashMap<String, State> clients = new ConcurrentHashMap<>();
    private final AuthSettings settings;
    private final LoginFailureStore store;
    /** Writes to the store in the order of the states they write: the last write is the latest state. */
    private final Object writing = new Object();

    /** A throttle that counts in memory only: a restart starts afresh. */
    LoginThrottle(AuthSettings settings) {
        this(settings, LoginFailureStore.NOT_KEPT, Instant.EPOCH);
    }

    /** A throttle that keeps its counts in {@code store}, starting from what it holds at {@code now}. */
    LoginThrottle(AuthSettings settings, LoginFailureStore store, Instant now) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        restore(now);
    }

    private void restore(Instant now) {
        try {
            store.deleteForgotten(now);
            for (LoginFailures record : store.current(now)) {
                clients.put(
                        record.clientKey(),
                        new State(
                                record.failures(),
                                record.windowStart(),
                                0,
                                record.lockedUntil(),
                                record.lockouts(),
                                record.lastFailure()));
            }
        } catch (RuntimeException e) {
            log.warn("Failed admin sign-ins could not be read back: counting starts afresh", e);
        }
    }

    /** Reserves one password check for {@code client}; an admitted check must end in {@link #succeeded} or {@link #failed}. */
    Admission admit(String client, Instant now) {
        Duration[] refusal = new Duration[1];
        clients.compute(client, (key, current) -> {
            State state = current == null || forgotten(current, now) ? State.FRESH : current;
            if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
                refusal[0] = Duration.between(now, state.lockedUntil());
                return state;
            }
            int failures = inWindow(state, now) ? state.failures() : 0;
            Instant windowStart = failures == 0 ? null : state.windowStart();
            if (failures + state.inFlight() >= settings.maxFailures()) {
                refusal[0] = BUSY_RETRY;
                return state;
            }
            return new State(
                    failures,
                    windowStart,
                    state.inFlight() + 1,
                    state.lockedUntil(),
                    state.lockouts(),
                    state.lastFailure());
        });
        return refusal[0] == null ? new Admission.Admitted() : new Admission.Refused(refusal[0]);
    }

    /** An admitted check that ended without a verdict on the password (nothing to check against, or an error). */
    void abandoned(String client) {
        clients.computeIfPresent(
                client,
                (key, state) -> new State(
                        state.failures(),
                        state.windowStart(),
                        Math.max(0, state.inFlight() - 1),
                        state.lockedUntil(),
                        state.lockouts(),
                        state.lastFailure()));
    }

    /**
     * A correct password: the failures counted so far are forgiven. The lockout history stays, and
     * so do checks still in flight: behind a NAT many people share one key, and one admin's success
     * must not hand a guesser a fresh allowance.
     */
    void succeeded(String client) {
        boolean[] forgave = new boolean[1];
        clients.computeIfPresent(client, (key, state) -> {
            forgave[0] = state.failures() > 0;
            return new State(
                    0,
                    null,
                    Math.max(0, state.inFlight() - 1),
                    state.lockedUntil(),
                    state.lockouts(),
                    state.lastFailure());
        });
        if (forgave[0]) {
            write(client, null);
        }
    }

    /** A wrong password. @return the lockout this failure started, or {@code null} */
    Duration failed(String client, Instant now) {
        Duration[] started = new Duration[1];
        clients.compute(client, (key, current) -> {
            State state = current == null ? State.FRESH : current;
            int inFlight = Math.max(0, state.inFlight() - 1);
            boolean inWindow = inWindow(state, now);
            int failures = inWindow ? state.failures() + 1 : 1;
            Instant windowStart = inWindow ? state.windowStart() : now;
            if (failures >= settings.maxFailures()) {
                Duration lockout = lockout(state.lockouts());
                started[0] = lockout;
                return new State(0, null, inFlight, now.plus(lockout), state.lockouts() + 1, now);
            }
            return new State(failures, windowStart, inFlight, state.lockedUntil(), state.lockouts(), now);
        });
        if (clients.size() > PRUNE_ABOVE) {
            clients.entrySet().removeIf(e -> e.getValue().inFlight() == 0 && forgotten(e.getValue(), now));
        }
        write(client, now);
        return started[0];
    }

    /**
     * Writes the client's latest state to the store; with {@code now}, also deletes the records
     * forgotten by then, so the store holds only recent failures.
     */
    private void write(String client, Instant now) {
        synchronized (writing) {
            try {
                State state = clients.get(client);
                Instant forgetAt = state == null ? null : forgetAt(state);
                if (forgetAt == null || client.length() > LoginFailureStore.MAX_CLIENT_KEY_LENGTH) {
                    store.delete(client);
                } else {
                    store.save(new LoginFailures(
                            client,
                            state.failures(),
                            state.windowStart(),
                            state.lockedUntil(),
                            state.lockouts(),
                            state.lastFailure(),
                            forgetAt));
                }
                if (now != null) {
                    store.deleteForgotten(now);
                }
            } catch (RuntimeException e) {
                log.warn("Failed admin sign-ins of {} could not be stored: a restart would forget them", client, e);
            }
        }
    }

    private boolean inWindow(State state, Instant now) {
        return state.windowStart() != null && now.isBefore(state.windowStart().plus(settings.failureWindow()));
    }

    /** Doubling from {@code lockout} with each lockout in a row, at most {@code maxLockout}. */
    private Duration lockout(int previousLockouts) {
        Duration lockout = settings.lockout();
        for (int i = 0; i < previousLockouts && lockout.compareTo(settings.maxLockout()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : lockout;
    }

    /** Quiet for long enough that even the doubling starts again from the beginning. */
    private boolean forgotten(State state, Instant now) {
        if (state.inFlight() > 0) {
            return false;
        }
        Instant forgetAt = forgetAt(state);
        return forgetAt == null || !now.isBefore(forgetAt);
    }

    /** When the client's failures stop mattering (checks in flight aside); {@code null}: they never did. */
    private Instant forgetAt(State state) {
        if (state.lastFailure() == null) {
            return null;
        }
        Instant quietSince = state.lockedUntil() != null && state.lockedUntil().isAfter(state.lastFailure())
                ? state.lockedUntil()
                : state.lastFailure();
        return quietSince.plus(settings.maxLockout()).plus(settings.failureWindow());
    }
}
