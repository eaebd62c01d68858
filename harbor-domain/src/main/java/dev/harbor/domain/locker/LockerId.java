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

    // Written out, as ControllerId's: the record's own equals and hashCode go through method handles
    // that the JIT did not always inline, and locker ids are map keys on every request.
    @Override
    public boolean equals(Object other) {
        return other instanceof LockerId id && id.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
