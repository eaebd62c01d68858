package dev.harbor.http.local;

import dev.harbor.domain.layout.LockerType;
import java.time.Instant;

/** {@code LockerType} (local-api.md); sizes are {@code null} when the layout leaves them out. */
public record LockerTypeResponse(
        long lockerTypeId,
        String slug,
        String name,
        String description,
        Integer widthMm,
        Integer heightMm,
        Integer depthMm,
        Instant createdAt) {

    public static LockerTypeResponse from(LockerType type) {
        return new LockerTypeResponse(
                type.id().value(),
                type.slug(),
                type.name(),
                type.description(),
                type.widthMm(),
                type.heightMm(),
                type.depthMm(),
                type.createdAt());
    }
}
