package dev.harbor.domain.layout;

public record LockerTypeId(long value) {
    public LockerTypeId {
        if (value <= 0) {
            throw new IllegalArgumentException("locker type id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
