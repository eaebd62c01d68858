package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.AuditTrail.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.harbor.application.port.AuditTrail}. */
public abstract class AuditTrailContract extends StoreContract {

    private Entry entry(int second, String action) {
        return new Entry(T0.plusSeconds(second), "admin", action, "controller 1", "OK", null);
    }

    @Test
    public void entries_come_back_newest_first_and_at_most_the_limit() {
        stores.auditTrail().record(entry(1, "a"));
        stores.auditTrail().record(entry(3, "c"));
        stores.auditTrail().record(entry(2, "b"));

        assertThat(stores.auditTrail().recent(10, null)).containsExactly(entry(3, "c"), entry(2, "b"), entry(1, "a"));
        assertThat(stores.auditTrail().recent(2, null)).containsExactly(entry(3, "c"), entry(2, "b"));
        assertThat(stores.auditTrail().recent(0, null)).isEmpty();
    }

    @Test
    public void entries_older_than_since_are_left_out_and_one_exactly_at_since_is_kept() {
        stores.auditTrail().record(entry(1, "a"));
        stores.auditTrail().record(entry(2, "b"));
        stores.auditTrail().record(entry(3, "c"));

        assertThat(stores.auditTrail().recent(10, T0.plusSeconds(2))).containsExactly(entry(3, "c"), entry(2, "b"));
    }

    @Test
    public void of_entries_at_the_same_moment_the_one_recorded_last_comes_first() {
        stores.auditTrail().record(entry(1, "first"));
        stores.auditTrail().record(entry(1, "second"));
        stores.auditTrail().record(entry(1, "third"));

        assertThat(stores.auditTrail().recent(10, null))
                .extracting(Entry::action)
                .containsExactly("third", "second", "first");
    }

    @Test
    public void every_field_is_kept_and_target_and_detail_may_be_empty() {
        Entry full = new Entry(T0, "alice", "controller.remove", "controller 7", "REFUSED", "2 active transaction(s)");
        Entry bare = new Entry(T0.plusSeconds(1), "system", "startup", null, "OK", null);

        stores.auditTrail().record(full);
        stores.auditTrail().record(bare);

        assertThat(stores.auditTrail().recent(10, null)).isEqualTo(List.of(bare, full));
    }
}
