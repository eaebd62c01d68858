package dev.harbor.app.layout;

import java.util.List;

/**
 * The layout cannot start a gateway. The message names the file and lists every problem, each
 * with its place, one per line. An {@link IllegalArgumentException}, as a bad layout always was.
 */
public final class InvalidLayoutException extends IllegalArgumentException {

    private final String source;
    private final List<String> problems;

    /** @param source what was read, for the message: {@code the layout file /etc/harbor/layout.json} */
    public InvalidLayoutException(String source, List<String> problems) {
        super(source + " has " + count(problems) + ":\n  - " + String.join("\n  - ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String count(List<String> problems) {
        return problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    }

    public String source() {
        return source;
    }

    /** Each problem with its place: {@code line 5, column 9 (controllers[0].boardAdress): unknown key; …}. */
    public List<String> problems() {
        return problems;
    }
}
