package dev.harbor.domain.layout;

public record BankTypeId(long value) {
    public BankTypeId {
        if (value <= 0) {
            throw new IllegalArgumentException("bank type id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
