package dev.harbor.domain.layout;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The layout of the lockers behind one board: which bank locker number has which locker type.
 * The associations are numbered 1..n without gaps, so {@link #lockerCount()} is their number.
 */
public record BankType(
        BankTypeId id,
        String friendlyName,
        String description,
        boolean isDebug,
        List<Association> associations,
        Instant createdAt) {

    public record Association(int bankLockerNumber, LockerTypeId lockerTypeId) {
        public Association {
            Objects.requireNonNull(lockerTypeId, "lockerTypeId");
            if (bankLockerNumber < 1) {
                throw new IllegalArgumentException("bank locker numbers start at 1, was " + bankLockerNumber);
            }
        }
    }

    public BankType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(createdAt, "createdAt");
        associations = List.copyOf(associations);
        if (associations.isEmpty()) {
            throw new IllegalArgumentException("bank type " + friendlyName + " has no lockers");
        }
        Set<Integer> numbers = new HashSet<>();
        for (Association association : associations) {
            numbers.add(association.bankLockerNumber());
        }
        for (int n = 1; n <= associations.size(); n++) {
            if (!numbers.contains(n)) {
                throw new IllegalArgumentException("bank type " + friendlyName + " must number its lockers 1.."
                        + associations.size() + " without gaps or repeats");
            }
        }
    }

    public int lockerCount() {
        return associations.size();
    }

    public Optional<LockerTypeId> typeOf(int bankLockerNumber) {
        return associations.stream()
                .filter(a -> a.bankLockerNumber() == bankLockerNumber)
                .map(Association::lockerTypeId)
                .findFirst();
    }
}
