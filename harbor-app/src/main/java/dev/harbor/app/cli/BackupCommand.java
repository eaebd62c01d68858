package dev.harbor.app.cli;

import dev.harbor.app.config.HarborConfig;
import dev.harbor.persistence.Database;
import dev.harbor.persistence.SqliteBackup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Copies the configured SQLite database to a file, whether a gateway is running on it or not
 * (WAL mode lets this reader take a consistent snapshot beside the gateway's writer). Opens the
 * file only to read it: no migration, no lock board, no port.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        versionProvider = HarborCommand.VersionProvider.class,
        description = {
            "Copies the SQLite database of HARBOR_DATA_DIR (configured as for serve) to FILE, while a gateway"
                    + " runs on it or not. The copy is a consistent snapshot, written beside FILE first,"
                    + " checked with PRAGMA integrity_check, then renamed to FILE.",
            "With PostgreSQL (HARBOR_DB_URL), use pg_dump instead.",
            "Exit status: 0 copied and checked, 1 not copied, 2 invalid configuration or command line."
        })
final class BackupCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "FILE",
            description = "the file to write; its folder must exist")
    Path target;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    BackupCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SetupCheck.Result checked = SetupCheck.of(environment);
            checked.warnings().forEach(warning -> err.println("warning: " + warning));
            if (checked instanceof SetupCheck.Invalid invalid) {
                err.println(invalid.message().replaceFirst("^Harbor cannot start: ", "backup: "));
                return ExitStatus.INVALID_SETUP;
            }
            HarborConfig config = ((SetupCheck.Valid) checked).config();
            if (config.dbUrl().isPresent()) {
                err.println("backup: " + Database.POSTGRES_BACKUP + ".");
                return ExitStatus.OTHER;
            }
            Path database = config.dataDir().resolve(Database.SQLITE_FILE_NAME);
            Path shown = target.toAbsolutePath().normalize();
            try {
                SqliteBackup.Copy copy = SqliteBackup.copy(database, target, force, Clock.systemUTC());
                out.println("Backed up " + database.toAbsolutePath().normalize() + " to " + copy.file() + " ("
                        + copy.bytes() + " bytes, snapshot of " + copy.createdAt() + ", integrity checked)");
                return ExitStatus.OK;
            } catch (FileAlreadyExistsException e) {
                err.println("backup: " + shown + " exists; nothing was written. Choose another file, or add --force"
                        + " to replace it.");
            } catch (NoSuchFileException e) {
                err.println("backup: " + e.getFile() + ": " + e.getReason()
                        + (e.getFile()
                                        .equals(database.toAbsolutePath()
                                                .normalize()
                                                .toString())
                                ? " (HARBOR_DATA_DIR names the folder of harbor.db); nothing was written."
                                : "; nothing was written."));
            } catch (IOException e) {
                err.println("backup: " + shown + " was not written: " + oneLine(e) + ".");
            }
            return ExitStatus.OTHER;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String oneLine(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
