package dev.harbor.persistence;

import dev.harbor.application.port.DatabaseBackups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * {@link DatabaseBackups} of a SQLite file: each copy goes into one folder (the data directory's
 * {@code backups}), named by the moment it was taken, {@code harbor-20261203T173512.123Z.db}. One
 * copy at a time: a second request waits for the first.
 */
public final class SqliteDatabaseBackups implements DatabaseBackups {

    /** The folder of the copies inside the data directory. */
    public static final String FOLDER = "backups";

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("'harbor-'yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path database;
    private final Path folder;

    public SqliteDatabaseBackups(Path database, Path folder) {
        this.database = Objects.requireNonNull(database, "database");
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public synchronized Outcome backUp(Instant now) {
        try {
            Files.createDirectories(folder);
            String name = NAME.format(now);
            for (int attempt = 1; ; attempt++) {
                Path target = folder.resolve(name + (attempt == 1 ? "" : "-" + attempt) + ".db");
                try {
                    SqliteBackup.Copy copy = SqliteBackup.copy(database, target, false, Clock.systemUTC());
                    return new Outcome.Written(copy.file().toString(), copy.bytes(), copy.createdAt());
                } catch (FileAlreadyExistsException e) {
                    if (attempt == 10) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The database could not be backed up: " + e.getMessage(), e);
        }
    }
}
