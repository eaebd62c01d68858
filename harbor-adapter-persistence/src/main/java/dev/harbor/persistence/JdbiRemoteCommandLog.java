package dev.harbor.persistence;

import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.TransactionId;
import dev.harbor.persistence.internal.Access;
import dev.harbor.persistence.internal.Columns;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link RemoteCommandLog} on the {@code remote_commands} table. Commands are stored by their wire
 * name ({@code force-unlock}), as the remote site's own records name them.
 */
public final class JdbiRemoteCommandLog implements RemoteCommandLog {

    private static final String COLUMNS = "id, transaction_id, locker_id, device_id, command, purpose, command_id, "
            + "state, reason, created_at, finished_at";

    private static final RowMapper<Entry> ENTRY = (rs, ctx) -> {
        String transactionId = rs.getString("transaction_id");
        String command = rs.getString("command");
        return new Entry(
                rs.getLong("id"),
                transactionId == null ? null : new TransactionId(transactionId),
                LockerId.of(rs.getLong("locker_id")),
                rs.getString("device_id"),
                DeviceCommand.fromWireName(command)
                        .orElseThrow(() -> new IllegalStateException("unknown command in the database: " + command)),
                Columns.enumValue(rs, "purpose", Purpose.class),
                rs.getString("command_id"),
                Columns.enumValue(rs, "state", CommandState.class),
                rs.getString("reason"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "finished_at"));
    };

    private final Access db;

    JdbiRemoteCommandLog(Access db) {
        this.db = db;
    }

    @Override
    public Entry begin(NewEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Instant createdAt = entry.createdAt().truncatedTo(ChronoUnit.MILLIS);
        long id = db.write(h -> h.createQuery("INSERT INTO remote_commands (transaction_id, locker_id, device_id, "
                        + "command, purpose, command_id, state, reason, created_at, finished_at) VALUES "
                        + "(:transactionId, :lockerId, :deviceId, :command, :purpose, NULL, :state, NULL, "
                        + ":createdAt, NULL) RETURNING id")
                .bind(
                        "transactionId",
                        entry.transactionId() == null
                                ? null
                                : entry.transactionId().value())
                .bind("lockerId", entry.lockerId().value())
                .bind("deviceId", entry.deviceId())
                .bind("command", entry.command().wireName())
                .bind("purpose", entry.purpose().name())
                .bind("state", CommandState.NOT_SENT.name())
                .bind("createdAt", Columns.millis(createdAt))
                .mapTo(Long.class)
                .one());
        return new Entry(
                id,
                entry.transactionId(),
                entry.lockerId(),
                entry.deviceId(),
                entry.command(),
                entry.purpose(),
                null,
                CommandState.NOT_SENT,
                null,
                createdAt,
                null);
    }

    @Override
    public boolean sent(long entryId, String commandId) {
        Objects.requireNonNull(commandId, "commandId");
        return db.write(h -> h.createUpdate("UPDATE remote_commands SET command_id = :commandId, state = :state "
                                + "WHERE id = :id AND finished_at IS NULL")
                        .bind("commandId", commandId)
                        .bind("state", CommandState.SENT.name())
                        .bind("id", entryId)
                        .execute())
                == 1;
    }

    @Override
    public boolean finish(long entryId, CommandState state, String reason, Instant at) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        return db.write(h -> h.createUpdate("UPDATE remote_commands SET state = :state, reason = :reason, "
                                + "finished_at = :finishedAt WHERE id = :id AND finished_at IS NULL")
                        .bind("state", state.name())
                        .bind("reason", reason)
                        .bind("finishedAt", Columns.millis(at))
                        .bind("id", entryId)
                        .execute())
                == 1;
    }

    @Override
    public List<Entry> unfinished() {
        return db.read(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM remote_commands WHERE finished_at IS NULL ORDER BY created_at, id")
                .map(ENTRY)
                .list());
    }

    @Override
    public Optional<Entry> find(long entryId) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM remote_commands WHERE id = :id")
                .bind("id", entryId)
                .map(ENTRY)
                .findOne());
    }

    @Override
    public int pruneFinished(Instant before) {
        Objects.requireNonNull(before, "before");
        return db.write(h -> h.createUpdate(
                        "DELETE FROM remote_commands WHERE finished_at IS NOT NULL AND finished_at < :before")
                .bind("before", Columns.millis(before))
                .execute());
    }
}
