package dev.harbor.domain.rule;

import java.util.List;
import java.util.Objects;

/**
 * A value that breaks one of the domain's rules, naming the field it came from. Every adapter maps
 * it in one place (HTTP: 400 {@code INVALID_REQUEST} with {@code details.field}), so no adapter
 * checks a rule again before handing the value in.
 *
 * <p>A request that carries a list may break a rule in several items at once (three bad card ids
 * of twenty): then {@link #problems()} names each one, so the caller fixes them all in one go;
 * {@link #field()} is the first of them.
 *
 * <p>It is an {@link IllegalArgumentException}: code that only knows the JDK's contract still
 * sees a refused argument.
 */
public final class InvalidValueException extends IllegalArgumentException {

    /** One refused value: the field path as the API spells it ({@code cards[2].cardId}) and why. */
    public record Problem(String field, String message) {

        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final List<Problem> problems;

    public InvalidValueException(String field, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.problems = List.of(new Problem(Objects.requireNonNull(field, "field"), message));
    }

    /**
     * Several refused values of one request.
     *
     * @param message a summary, for example {@code 2 of 5 card ids are invalid}
     * @param problems at least one
     */
    public InvalidValueException(String message, List<Problem> problems) {
        super(Objects.requireNonNull(message, "message"));
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid value needs at least one problem");
        }
    }

    /** The name of the field as the API and the files spell it, for example {@code lockerCount}. */
    public String field() {
        return problems.get(0).field();
    }

    /** Every refused value, in the order of the request; one for a single value. */
    public List<Problem> problems() {
        return problems;
    }
}
