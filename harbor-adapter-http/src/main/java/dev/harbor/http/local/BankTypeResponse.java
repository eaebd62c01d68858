package dev.harbor.http.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.harbor.domain.layout.BankType;
import java.time.Instant;

/** {@code BankType} (local-api.md, doc fields). */
public record BankTypeResponse(
        long bankTypeId,
        String friendlyName,
        String description,
        @JsonProperty("isDebug") boolean isDebug,
        int lockerCount,
        Instant createdAt) {

    public static BankTypeResponse from(BankType type) {
        return new BankTypeResponse(
                type.id().value(),
                type.friendlyName(),
                type.description(),
                type.isDebug(),
                type.lockerCount(),
                type.createdAt());
    }
}
