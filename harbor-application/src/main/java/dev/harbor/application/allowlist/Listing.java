package dev.harbor.application.allowlist;

import dev.harbor.application.RemoteProblem;
import java.util.List;
import java.util.Objects;

/** What a read of the remote site answers: the items, or why there are none. */
public sealed interface Listing<T> {

    record Listed<T>(List<T> items) implements Listing<T> {
        public Listed {
            items = List.copyOf(items);
        }
    }

    /** The remote-site integration is not configured. */
    record IntegrationOff<T>() implements Listing<T> {}

    record Failed<T>(RemoteProblem problem) implements Listing<T> {
        public Failed {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
