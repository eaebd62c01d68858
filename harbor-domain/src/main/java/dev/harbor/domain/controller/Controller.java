package dev.harbor.domain.controller;

import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.rule.DisplayName;
import java.time.Instant;
import java.util.Objects;

/**
 * One lock-control board and the bank of lockers behind it.
 *
 * @param bankTypeId the layout its lockers were created from; {@code null} when created by count
 */
public record Controller(
        ControllerId id,
        String name,
        BoardEndpoint endpoint,
        BankTypeId bankTypeId,
        int lockerCount,
        DiscoveredVia discoveredVia,
        Instant createdAt) {

    public Controller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(discoveredVia, "discoveredVia");
        Objects.requireNonNull(createdAt, "createdAt");
        DisplayName.requireValid("name", name);
        endpoint.protocol().requireLockCount("lockerCount", lockerCount);
    }

    public Controller withEndpoint(BoardEndpoint next) {
        return new Controller(id, name, next, bankTypeId, lockerCount, discoveredVia, createdAt);
    }

    public Controller withName(String next) {
        return new Controller(id, next, endpoint, bankTypeId, lockerCount, discoveredVia, createdAt);
    }

    public Controller withLockerCount(int next) {
        return new Controller(id, name, endpoint, bankTypeId, next, discoveredVia, createdAt);
    }
}
