package dev.harbor.app.config;

import java.util.List;

/** The configuration cannot start a gateway; the message lists every problem, one per line. */
public final class InvalidConfigException extends RuntimeException {

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super("Invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
