package dev.harbor.application.fakes;

import dev.harbor.application.port.AdminUserStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryAdminUserStore implements AdminUserStore {

    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    @Override
    public Optional<String> passwordHash(String username) {
        return Optional.ofNullable(hashes.get(username));
    }

    @Override
    public void save(String username, String passwordHash) {
        hashes.put(username, passwordHash);
    }

    @Override
    public boolean hasAny() {
        return !hashes.isEmpty();
    }

    /** What is at rest, for tests that check no raw password is kept. */
    public Map<String, String> contents() {
        return Map.copyOf(hashes);
    }
}
