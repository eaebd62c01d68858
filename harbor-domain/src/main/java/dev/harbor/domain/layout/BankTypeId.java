package dev.harbor.domain.layout;

import dev.harbor.domain.rule.InvalidValueException;

public record BankTypeId(long value) {
    public BankTypeId {
        if (value <= 0) {
            throw new InvalidValueException("bankTypeId", "bankTypeId must be a positive integer");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
