package dev.harbor.http.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** {@code BankTypeWithAssociations} (local-api.md): a bank type and which number has which type. */
public record BankTypeWithAssociationsResponse(
        long bankTypeId,
        String friendlyName,
        String description,
        @JsonProperty("isDebug") boolean isDebug,
        int lockerCount,
        Instant createdAt,
        List<Association> associations) {

    public record Association(int bankLockerNumber, LockerTypeSummary lockerType) {}

    /** @param typeOf the locker type of an association; the layout guarantees it exists */
    public static BankTypeWithAssociationsResponse from(BankType type, Function<LockerTypeId, LockerType> typeOf) {
        List<Association> associations = type.associations().stream()
                .sorted(Comparator.comparingInt(BankType.Association::bankLockerNumber))
                .map(a -> new Association(a.bankLockerNumber(), LockerTypeSummary.from(typeOf.apply(a.lockerTypeId()))))
                .toList();
        return new BankTypeWithAssociationsResponse(
                type.id().value(),
                type.friendlyName(),
                type.description(),
                type.isDebug(),
                type.lockerCount(),
                type.createdAt(),
                associations);
    }
}
