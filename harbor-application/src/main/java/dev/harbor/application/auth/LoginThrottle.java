package dev.harbor.application.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed password checks per client and locks a client out after too many. A check
 * reserves its slot before the (slow) password verification, so a burst of parallel guesses
 * cannot slip past the limit while the first ones are still being verified.
 */
final class LoginThrottle {

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

    LoginThrottle(AuthSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
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
        clients.computeIfPresent(
                client,
                (key, state) -> new State(
                        0,
                        null,
                        Math.max(0, state.inFlight() - 1),
                        state.lockedUntil(),
                        state.lockouts(),
                        state.lastFailure()));
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
        return started[0];
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
        if (state.lastFailure() == null) {
            return true;
        }
        Instant quietSince = state.lockedUntil() != null && state.lockedUntil().isAfter(state.lastFailure())
                ? state.lockedUntil()
                : state.lastFailure();
        return !now.isBefore(quietSince.plus(settings.maxLockout()).plus(settings.failureWindow()));
    }
}
