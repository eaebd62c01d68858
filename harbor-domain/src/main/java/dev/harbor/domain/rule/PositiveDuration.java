package dev.harbor.domain.rule;

import java.time.Duration;

/**
 * The one rule for a time span a setting gives: present, longer than zero, and, where a value
 * beyond some bound would break the gateway (a deadline that overflows, a door that waits for
 * months), no longer than that bound. Fields are named as the API spells them, in milliseconds.
 */
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

    /**
     * Returns {@code value} when it is longer than zero and at most {@code max}, else throws naming
     * {@code field} and the range in milliseconds.
     */
    public static Duration require(String field, Duration value, Duration max) {
        require(field, value);
        if (value.compareTo(max) > 0) {
            throw new InvalidValueException(field, field + " must be 1-" + max.toMillis() + " ms");
        }
        return value;
    }
}
