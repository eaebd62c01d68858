package dev.harbor.application.fakes;

import dev.harbor.application.port.LoginFailureStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryLoginFailureStore implements LoginFailureStore {

    private final Map<String, LoginFailures> records = new ConcurrentHashMap<>();

    @Override
    public void save(LoginFailures failures) {
        records.put(failures.clientKey(), failures);
    }

    @Override
    public List<LoginFailures> current(Instant now) {
        return records.values().stream()
                .filter(r -> r.forgetAt().isAfter(now))
                .sorted(Comparator.comparing(LoginFailures::clientKey))
                .toList();
    }

    @Override
    public void delete(String clientKey) {
        records.remove(clientKey);
    }

    @Override
    public int deleteForgotten(Instant now) {
        int before = records.size();
        records.values().removeIf(r -> !r.forgetAt().isAfter(now));
        return before - records.size();
    }

    /** How many records are kept, forgotten ones included. */
    public int size() {
        return records.size();
    }
}
