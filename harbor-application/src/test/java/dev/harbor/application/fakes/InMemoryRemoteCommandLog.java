package dev.harbor.application.fakes;

import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.domain.command.CommandState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link RemoteCommandLog} on an {@link InMemoryDatabase}. */
public final class InMemoryRemoteCommandLog implements RemoteCommandLog {

    private static final Comparator<Entry> OLDEST_FIRST =
            Comparator.comparing(Entry::createdAt).thenComparingLong(Entry::id);

    private final InMemoryDatabase db;

    InMemoryRemoteCommandLog(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Entry begin(NewEntry entry) {
        Objects.requireNonNull(entry, "entry");
        synchronized (db) {
            Entry begun = new Entry(
                    ++db.lastRemoteCommandId,
                    entry.transactionId(),
                    entry.lockerId(),
                    entry.deviceId(),
                    entry.command(),
                    entry.purpose(),
                    null,
                    CommandState.NOT_SENT,
                    null,
                    InMemoryDatabase.millis(entry.createdAt()),
                    null);
            db.remoteCommands.put(begun.id(), begun);
            return begun;
        }
    }

    @Override
    public boolean sent(long entryId, String commandId) {
        Objects.requireNonNull(commandId, "commandId");
        synchronized (db) {
            Entry entry = db.remoteCommands.get(entryId);
            if (entry == null || entry.isFinished()) {
                return false;
            }
            db.remoteCommands.put(entryId, with(entry, commandId, CommandState.SENT, entry.reason(), null));
            return true;
        }
    }

    @Override
    public boolean finish(long entryId, CommandState state, String reason, Instant at) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        synchronized (db) {
            Entry entry = db.remoteCommands.get(entryId);
            if (entry == null || entry.isFinished()) {
                return false;
            }
            db.remoteCommands.put(entryId, with(entry, entry.commandId(), state, reason, InMemoryDatabase.millis(at)));
            return true;
        }
    }

    @Override
    public List<Entry> unfinished() {
        synchronized (db) {
            return db.remoteCommands.values().stream()
                    .filter(e -> !e.isFinished())
                    .sorted(OLDEST_FIRST)
                    .toList();
        }
    }

    @Override
    public Optional<Entry> find(long entryId) {
        synchronized (db) {
            return Optional.ofNullable(db.remoteCommands.get(entryId));
        }
    }

    @Override
    public int pruneFinished(Instant before) {
        Objects.requireNonNull(before, "before");
        Instant bound = InMemoryDatabase.millis(before);
        synchronized (db) {
            List<Long> old = db.remoteCommands.values().stream()
                    .filter(e -> e.isFinished() && e.finishedAt().isBefore(bound))
                    .map(Entry::id)
                    .toList();
            old.forEach(db.remoteCommands::remove);
            return old.size();
        }
    }

    private static Entry with(Entry entry, String commandId, CommandState state, String reason, Instant finishedAt) {
        return new Entry(
                entry.id(),
                entry.transactionId(),
                entry.lockerId(),
                entry.deviceId(),
                entry.command(),
                entry.purpose(),
                commandId,
                state,
                reason,
                entry.createdAt(),
                finishedAt);
    }
}
