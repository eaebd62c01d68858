package dev.harbor.application.port;

import dev.harbor.domain.locker.LockerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Every administrative change: who, what, when, outcome. Durable: it survives restarts. */
public interface AuditTrail {

    record Entry(Instant at, String actor, String action, String target, String outcome, String detail) {}

    /**
     * The entry for a change that a store writes itself, in the same database transaction (and the
     * same statement where it can) as the change, because only the store learns which locker the
     * change touched: its outcome is {@link #OUTCOME} and its detail names that locker.
     */
    record LockerChange(Instant at, String actor, String action, String target) {

        public static final String OUTCOME = "OK";
        /** The detail is this followed by the locker's id: {@code "locker 7"}. */
        public static final String DETAIL_PREFIX = "locker ";

        public LockerChange {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
        }

        /** The entry as it is written once the change touched {@code locker}. */
        public Entry on(LockerId locker) {
            return new Entry(at, actor, action, target, OUTCOME, DETAIL_PREFIX + locker.value());
        }
    }

    void record(Entry entry);

    /** Newest first, at most {@code limit}, none older than {@code since} (null: no bound). */
    List<Entry> recent(int limit, Instant since);
}
