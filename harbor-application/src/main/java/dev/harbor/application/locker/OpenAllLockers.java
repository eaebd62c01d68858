package dev.harbor.application.locker;

import dev.harbor.application.Actor;
import java.util.List;

/**
 * Opens every locker: controllers on different buses in parallel, the lockers of one bus one
 * after another with a gap (the locks' power draw).
 */
public interface OpenAllLockers {

    Report openAll(Actor actor);

    /** Per-locker results ordered by locker id; every entry is Opened, HardwareFault or ControllerUnavailable. */
    record Report(List<OpenResult> results) {
        public Report {
            results = List.copyOf(results);
        }

        public long succeeded() {
            return results.stream().filter(r -> r instanceof OpenResult.Opened).count();
        }

        public boolean allSucceeded() {
            return succeeded() == results.size();
        }
    }
}
