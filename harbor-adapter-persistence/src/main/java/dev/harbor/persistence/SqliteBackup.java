package dev.harbor.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sqlite.SQLiteConfig;

/**
 * A consistent copy of a SQLite database file, taken while other connections (a running gateway)
 * read and write it.
 *
 * <p>The copy is made with {@code VACUUM INTO}, not SQLite's online backup API: {@code VACUUM
 * INTO} reads the whole database inside one read transaction, so in WAL mode it is a snapshot of
 * every commit made before it started and writers carry on beside it. The backup API restarts its
 * page copy whenever another connection writes, so under a steady write load it may never finish.
 * SQLite does not sync what {@code VACUUM INTO} writes: the copy is synced here, then checked
 * ({@code PRAGMA integrity_check}, {@code PRAGMA foreign_key_check}), and only then renamed to its
 * name in the same folder (atomically; without {@code overwrite}, by a hard link, which fails
 * rather than replace a file that appeared meanwhile).
 */
public final class SqliteBackup {

    private static final int BUSY_TIMEOUT_MS = 30_000;

    /** A copy written and checked. */
    public record Copy(Path file, long bytes, Instant createdAt) {}

    private SqliteBackup() {}

    /**
     * Copies {@code database} to {@code target}.
     *
     * @param overwrite whether an existing {@code target} may be replaced
     * @throws FileAlreadyExistsException when {@code target} exists and {@code overwrite} is false
     * @throws NoSuchFileException        when {@code database} or {@code target}'s folder does not exist
     * @throws IOException                when the copy cannot be made or fails its checks; no file is left behind
     */
    public static Copy copy(Path database, Path target, boolean overwrite, Clock clock) throws IOException {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(target, "target");
        Path source = database.toAbsolutePath().normalize();
        Path destination = target.toAbsolutePath().normalize();
        Path folder = destination.getParent();
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(source.toString(), null, "no database file there");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(String.valueOf(folder), null, "no such folder");
        }
        if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(destination)) {
                throw new FileSystemException(destination.toString(), null, "is a folder");
            }
            if (Files.isSameFile(destination, source)
                    || destination.equals(sibling(source, "-wal"))
                    || destination.equals(sibling(source, "-shm"))) {
                throw new FileSystemException(destination.toString(), null, "is the database itself");
            }
            if (!overwrite) {
                throw new FileAlreadyExistsException(destination.toString());
            }
        }
        // Created empty (VACUUM INTO accepts an empty file) and readable by its owner only: the copy
        // holds password hashes and session tokens.
        Path temporary = Files.createTempFile(folder, "." + destination.getFileName() + ".", ".tmp");
        try {
            Instant createdAt;
            try (Connection connection = open(source, false);
                    PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, temporary.toString());
                // Rounded down: "everything committed before createdAt is in the copy" stays true.
                createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                vacuum.execute();
            } catch (SQLException e) {
                throw new IOException("SQLite could not copy " + source + ": " + e.getMessage(), e);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            verify(temporary);
            long bytes = Files.size(temporary);
            moveIntoPlace(temporary, destination, overwrite);
            syncFolder(folder);
            return new Copy(destination, bytes, createdAt);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private static void verify(Path copy) throws IOException {
        try (Connection connection = open(copy, true);
                Statement statement = connection.createStatement()) {
            List<String> problems = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                while (rows.next()) {
                    problems.add(rows.getString(1));
                }
            }
            if (!problems.equals(List.of("ok"))) {
                throw new IOException("the copy failed SQLite's integrity check: " + String.join("; ", problems));
            }
            try (ResultSet violations = statement.executeQuery("PRAGMA foreign_key_check")) {
                if (violations.next()) {
                    throw new IOException("the copy breaks a foreign key: table " + violations.getString("table")
                            + " row " + violations.getLong("rowid"));
                }
            }
        } catch (SQLException e) {
            throw new IOException("the copy cannot be checked: " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path temporary, Path destination, boolean overwrite) throws IOException {
        if (overwrite) {
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        try {
            // link(2) never replaces a file: a target created since the check above is refused.
            Files.createLink(destination, temporary);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // A file system without hard links (FAT on a memory card): check, then rename.
            if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(destination.toString());
            }
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void syncFolder(Path folder) {
        // The rename is durable once the folder is; not every platform can open a folder to sync it.
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The copy is complete and checked; only its name might not survive a power cut.
        }
    }
}
