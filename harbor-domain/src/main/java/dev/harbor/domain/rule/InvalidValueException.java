package dev.harbor.domain.rule;

import java.util.Objects;

/**
 * A value that breaks one of the domain's rules, naming the field it came from. Every adapter maps
 * it in one place (HTTP: 400 {@code INVALID_REQUEST} with {@code details.field}), so no adapter
 * checks a rule again before handing the value in.
 *
 * <p>It is an {@link IllegalArgumentException}: code that only knows the JDK's contract still
 * sees a refused argument.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The name of the field as the API and the files spell it, for example {@code lockerCount}. */
    public String field() {
        return field;
    }
}
