package dev.harbor.application.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.application.port.RemoteCommandLog.Entry;
import dev.harbor.application.port.RemoteCommandLog.NewEntry;
import dev.harbor.application.port.RemoteCommandLog.Purpose;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link RemoteCommandLog}. */
public abstract class RemoteCommandLogContract extends StoreContract {

    private RemoteCommandLog log() {
        return stores.remoteCommands();
    }

    private static NewEntry book(String transaction, Instant at) {
        return new NewEntry(
                tx(transaction), LockerId.of(7), "dev-" + transaction, DeviceCommand.BOOK, Purpose.CREATE, at);
    }

    private static NewEntry maintenanceOpen(Instant at) {
        return new NewEntry(null, LockerId.of(8), "dev-m", DeviceCommand.FORCE_UNLOCK, Purpose.MAINTENANCE_OPEN, at);
    }

    @Test
    public void a_begun_entry_reads_back_unsent_and_unfinished_with_every_field() {
        Entry begun = log().begin(new NewEntry(
                new TransactionId("order-1"),
                LockerId.of(42),
                "6f1c-device",
                DeviceCommand.FORCE_CANCEL_BOOKING,
                Purpose.RELEASE,
                T0.plusNanos(456_789)));

        Entry expected = new Entry(
                begun.id(),
                new TransactionId("order-1"),
                LockerId.of(42),
                "6f1c-device",
                DeviceCommand.FORCE_CANCEL_BOOKING,
                Purpose.RELEASE,
                null,
                CommandState.NOT_SENT,
                null,
                T0,
                null);
        assertThat(begun).isEqualTo(expected);
        assertThat(log().find(begun.id())).contains(expected);
        assertThat(log().unfinished()).containsExactly(expected);
    }

    @Test
    public void every_command_and_purpose_reads_back_and_an_entry_may_serve_no_transaction() {
        for (DeviceCommand command : DeviceCommand.values()) {
            for (Purpose purpose : Purpose.values()) {
                Entry begun = log().begin(new NewEntry(null, LockerId.of(1), "d", command, purpose, T0));
                Entry read = log().find(begun.id()).orElseThrow();
                assertThat(read.command()).isEqualTo(command);
                assertThat(read.purpose()).isEqualTo(purpose);
                assertThat(read.transactionId()).isNull();
            }
        }
    }

    @Test
    public void sent_records_the_cloud_command_id_and_finish_the_outcome() {
        Entry begun = log().begin(book("order-1", T0));

        assertThat(log().sent(begun.id(), "cmd-123")).isTrue();
        Entry sent = log().find(begun.id()).orElseThrow();
        assertThat(sent.commandId()).isEqualTo("cmd-123");
        assertThat(sent.state()).isEqualTo(CommandState.SENT);
        assertThat(sent.isFinished()).isFalse();
        assertThat(log().unfinished()).containsExactly(sent);

        assertThat(log().finish(begun.id(), CommandState.ERROR, "device offline", T0.plusSeconds(15)))
                .isTrue();
        Entry finished = log().find(begun.id()).orElseThrow();
        assertThat(finished)
                .isEqualTo(new Entry(
                        begun.id(),
                        begun.transactionId(),
                        begun.lockerId(),
                        begun.deviceId(),
                        DeviceCommand.BOOK,
                        Purpose.CREATE,
                        "cmd-123",
                        CommandState.ERROR,
                        "device offline",
                        T0,
                        T0.plusSeconds(15)));
        assertThat(log().unfinished()).isEmpty();
    }

    @Test
    public void an_entry_that_never_left_is_finished_without_a_command_id() {
        Entry begun = log().begin(maintenanceOpen(T0));

        assertThat(log().finish(begun.id(), CommandState.NOT_SENT, null, T0.plusMillis(1_500)))
                .isTrue();

        Entry finished = log().find(begun.id()).orElseThrow();
        assertThat(finished.commandId()).isNull();
        assertThat(finished.state()).isEqualTo(CommandState.NOT_SENT);
        assertThat(finished.reason()).isNull();
        assertThat(finished.finishedAt()).isEqualTo(T0.plusMillis(1_500));
        assertThat(finished.isFinished()).isTrue();
    }

    @Test
    public void sent_and_finish_miss_unknown_and_finished_entries() {
        Entry done = log().begin(book("order-1", T0));
        log().sent(done.id(), "cmd-1");
        log().finish(done.id(), CommandState.SUCCESS, null, T0.plusSeconds(2));
        Entry finished = log().find(done.id()).orElseThrow();

        assertThat(log().sent(done.id(), "cmd-2")).isFalse();
        assertThat(log().finish(done.id(), CommandState.ERROR, "late", T0.plusSeconds(3)))
                .isFalse();
        assertThat(log().sent(done.id() + 1_000, "cmd-3")).isFalse();
        assertThat(log().finish(done.id() + 1_000, CommandState.SUCCESS, null, T0))
                .isFalse();

        assertThat(log().find(done.id())).contains(finished);
        assertThat(finished.commandId()).isEqualTo("cmd-1");
        assertThat(finished.state()).isEqualTo(CommandState.SUCCESS);
        assertThat(log().find(done.id() + 1_000)).isEmpty();
    }

    @Test
    public void unfinished_entries_are_listed_oldest_first_and_by_id_within_a_millisecond() {
        Entry late = log().begin(book("late", T0.plusSeconds(2)));
        Entry early = log().begin(book("early", T0));
        Entry sameMillisFirst = log().begin(book("same-1", T0.plusSeconds(1)));
        Entry sameMillisSecond = log().begin(book("same-2", T0.plusSeconds(1).plusNanos(999)));
        Entry finished = log().begin(book("finished", T0.minusSeconds(1)));
        log().finish(finished.id(), CommandState.SUCCESS, null, T0);
        log().sent(late.id(), "cmd-late");

        assertThat(log().unfinished())
                .extracting(Entry::id)
                .containsExactly(early.id(), sameMillisFirst.id(), sameMillisSecond.id(), late.id());
        assertThat(early.id()).isNotEqualTo(late.id());
    }

    @Test
    public void pruning_removes_finished_entries_finished_before_the_bound_and_never_an_unfinished_one() {
        Entry oldFinished = log().begin(book("a", T0.minusSeconds(3_600)));
        log().finish(oldFinished.id(), CommandState.SUCCESS, null, T0.minusSeconds(3_500));
        Entry oldUnfinished = log().begin(book("b", T0.minusSeconds(3_600)));
        Entry oldSent = log().begin(book("c", T0.minusSeconds(3_600)));
        log().sent(oldSent.id(), "cmd-c");
        Entry finishedAtBound = log().begin(book("d", T0.minusSeconds(3_600)));
        log().finish(finishedAtBound.id(), CommandState.ERROR, "timeout", T0);
        Entry recent = log().begin(book("e", T0));
        log().finish(recent.id(), CommandState.SUCCESS, null, T0.plusSeconds(1));

        assertThat(log().pruneFinished(T0)).isEqualTo(1);

        assertThat(log().find(oldFinished.id())).isEmpty();
        assertThat(log().find(oldUnfinished.id())).isPresent();
        assertThat(log().find(oldSent.id())).isPresent();
        assertThat(log().find(finishedAtBound.id())).isPresent();
        assertThat(log().find(recent.id())).isPresent();
        assertThat(log().unfinished()).extracting(Entry::id).containsExactly(oldUnfinished.id(), oldSent.id());
        assertThat(log().pruneFinished(T0)).isZero();
        assertThat(log().pruneFinished(T0.plusSeconds(3_600 * 24))).isEqualTo(2);
        assertThat(log().unfinished()).extracting(Entry::id).containsExactly(oldUnfinished.id(), oldSent.id());
    }

    @Test
    public void ids_of_pruned_entries_are_never_given_again() {
        Entry first = log().begin(book("a", T0));
        Entry second = log().begin(book("b", T0));
        log().finish(second.id(), CommandState.SUCCESS, null, T0);
        log().pruneFinished(T0.plusSeconds(1));

        Entry third = log().begin(book("c", T0));

        assertThat(List.of(first.id(), second.id(), third.id())).doesNotHaveDuplicates();
        assertThat(third.id()).isGreaterThan(second.id());
        assertThat(log().find(third.id()).orElseThrow().transactionId()).isEqualTo(tx("c"));
    }
}
