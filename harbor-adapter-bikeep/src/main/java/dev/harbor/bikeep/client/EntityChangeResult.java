package dev.harbor.bikeep.client;

import java.util.List;
import java.util.Objects;

/**
 * What Bikeep did with an ADD or REMOVE of whitelist entities. Bikeep handles items one by one and
 * does not roll back: when some fail, the others stay applied.
 *
 * @param applied the ids Bikeep accepted, in request order
 * @param failed the ids it refused, each with Bikeep's message
 */
public record EntityChangeResult(List<String> applied, List<Failure> failed) {

    public EntityChangeResult {
        applied = List.copyOf(applied);
        failed = List.copyOf(failed);
    }

    /** Whether every item was applied. */
    public boolean allApplied() {
        return failed.isEmpty();
    }

    /**
     * One refused item.
     *
     * @param id the entity id as sent
     * @param message Bikeep's reason; never null
     */
    public record Failure(String id, String message) {

        public Failure {
            Objects.requireNonNull(id, "id");
            message = message == null ? "" : message;
        }
    }
}
