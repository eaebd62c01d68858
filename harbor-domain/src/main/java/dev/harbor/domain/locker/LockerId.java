package dev.harbor.domain.locker;

/** The gateway-wide number of one locker; it never changes, even when its board is replaced. */
public record LockerId(long value) {
    public LockerId {
        if (value <= 0) {
            throw new IllegalArgumentException("locker id must be positive, was " + value);
        }
    }

    public static LockerId of(long value) {
        return new LockerId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
