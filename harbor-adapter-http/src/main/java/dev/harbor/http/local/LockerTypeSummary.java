package dev.harbor.http.local;

import dev.harbor.domain.layout.LockerType;

public record LockerTypeSummary(long lockerTypeId, String slug, String name) {

    public static LockerTypeSummary from(LockerType type) {
        return new LockerTypeSummary(type.id().value(), type.slug(), type.name());
    }
}
