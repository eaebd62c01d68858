package dev.harbor.domain.rule;

import java.time.Duration;

/** The one rule for a time span a setting gives: present, and longer than zero. */
public final class PositiveDuration {

    private PositiveDuration() {}

    /** Returns {@code value} when it is longer than zero, else throws naming {@code field}. */
    public static Duration require(String field, Duration value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        if (value.isNegative() || value.isZero()) {
            throw new InvalidValueException(field, field + " must be positive");
        }
        return value;
    }
}
