package dev.harbor.application.fakes;

import dev.harbor.application.port.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemorySessionStore implements SessionStore {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(Session session) {
        sessions.put(session.tokenHash(), session);
    }

    @Override
    public Optional<Session> find(String tokenHash) {
        return Optional.ofNullable(sessions.get(tokenHash));
    }

    @Override
    public boolean extend(String tokenHash, Instant expiresAt) {
        return sessions.computeIfPresent(
                        tokenHash, (hash, s) -> new Session(s.tokenHash(), s.username(), s.createdAt(), expiresAt))
                != null;
    }

    @Override
    public boolean delete(String tokenHash) {
        return sessions.remove(tokenHash) != null;
    }

    @Override
    public int deleteForUser(String username) {
        return removeIf(s -> s.username().equals(username));
    }

    @Override
    public int deleteExpired(Instant now) {
        return removeIf(s -> !now.isBefore(s.expiresAt()));
    }

    /** Everything at rest, for tests that check no raw token is kept. */
    public List<Session> all() {
        return List.copyOf(sessions.values());
    }

    private int removeIf(java.util.function.Predicate<Session> doomed) {
        int[] removed = {0};
        sessions.values().removeIf(s -> {
            boolean remove = doomed.test(s);
            if (remove) {
                removed[0]++;
            }
            return remove;
        });
        return removed[0];
    }
}
