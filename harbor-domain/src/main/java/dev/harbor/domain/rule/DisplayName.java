package dev.harbor.domain.rule;

/**
 * A name people read on a screen: a controller's, a gateway's. One rule for all of them: 1-100
 * characters, not only blanks.
 */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 100;

    public DisplayName {
        requireValid("name", value);
    }

    /**
     * Returns {@code value} when it is a valid display name, else throws naming {@code field}.
     * For records that keep the name as a {@code String}.
     */
    public static String requireValid(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException(field, field + " must be 1-" + MAX_LENGTH + " characters");
        }
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
