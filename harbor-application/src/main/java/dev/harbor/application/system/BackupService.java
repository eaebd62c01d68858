package dev.harbor.application.system;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.DatabaseBackups;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;

/** {@link BackUpDatabase} over the storage's {@link DatabaseBackups}: every copy made, or failed, is audited. */
final class BackupService implements BackUpDatabase {

    private final DatabaseBackups backups;
    private final Auditor auditor;
    private final Clock clock;

    BackupService(DatabaseBackups backups, Auditor auditor, Clock clock) {
        this.backups = Objects.requireNonNull(backups, "backups");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public BackupResult backUp(Actor actor) {
        DatabaseBackups.Outcome outcome;
        try {
            outcome = backups.backUp(clock.instant());
        } catch (UncheckedIOException | IllegalStateException e) {
            auditor.record(actor, "system.backup", "database", "FAILED", e.getMessage());
            throw e;
        }
        if (outcome instanceof DatabaseBackups.Outcome.Written written) {
            auditor.record(
                    actor, "system.backup", "database", "OK", written.file() + ", " + written.bytes() + " bytes");
            return new BackupResult.Written(written.file(), written.bytes(), written.createdAt());
        }
        if (outcome instanceof DatabaseBackups.Outcome.NotSupported notSupported) {
            return new BackupResult.NotSupported(notSupported.message());
        }
        throw new IllegalStateException(
                "unmapped backup outcome " + outcome.getClass().getName());
    }
}
