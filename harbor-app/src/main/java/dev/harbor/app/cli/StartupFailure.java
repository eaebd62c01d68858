package dev.harbor.app.cli;

import dev.harbor.app.config.HarborConfig;
import dev.harbor.app.config.InvalidConfigException;
import java.net.BindException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Why a start failed, as one line for a person (what happened and what to do) and an exit status
 * for a supervisor. The stack trace is logged at DEBUG only: at a start it is noise that hides
 * the one line that matters.
 */
sealed interface StartupFailure {

    int exitStatus();

    /** One line: what happened and what to do. */
    String message();

    record InvalidSetup(String message) implements StartupFailure {
        @Override
        public int exitStatus() {
            return ExitStatus.INVALID_SETUP;
        }
    }

    record DatabaseRefused(String message) implements StartupFailure {
        @Override
        public int exitStatus() {
            return ExitStatus.DATABASE;
        }
    }

    record CannotListen(String message) implements StartupFailure {
        @Override
        public int exitStatus() {
            return ExitStatus.NETWORK;
        }
    }

    record DataDirectoryUnusable(String message) implements StartupFailure {
        @Override
        public int exitStatus() {
            return ExitStatus.DATA_DIRECTORY;
        }
    }

    record Unexpected(String message) implements StartupFailure {
        @Override
        public int exitStatus() {
            return ExitStatus.OTHER;
        }
    }

    /** A failure already understood where it happened (the checks before the start). */
    final class Thrown extends RuntimeException {
        private final transient StartupFailure failure;

        Thrown(StartupFailure failure, Throwable cause) {
            super(failure.message(), cause);
            this.failure = failure;
        }

        StartupFailure failure() {
            return failure;
        }
    }

    /** What {@code failure} during a start means for the person starting the gateway. */
    static StartupFailure of(Throwable failure, HarborConfig config) {
        Optional<Thrown> known = find(failure, Thrown.class);
        if (known.isPresent()) {
            return known.get().failure();
        }
        if (failure instanceof IllegalArgumentException || failure instanceof InvalidConfigException) {
            return new InvalidSetup("Harbor cannot start: " + firstLine(failure.getMessage()));
        }
        Optional<BindException> bind = find(failure, BindException.class);
        if (bind.isPresent() || failure.getClass().getSimpleName().contains("BindException")) {
            return cannotListen(config, bind.map(Throwable::getMessage).orElse("address already in use"));
        }
        Optional<SQLException> sql = find(failure, SQLException.class);
        if (sql.isPresent()) {
            return config.dbUrl().isPresent() ? database(sql.get(), config) : sqlite(sql.get(), config);
        }
        return new Unexpected(
                "Harbor cannot start: " + describe(failure) + ". Start it with HARBOR_LOG_LEVEL=DEBUG to see where.");
    }

    static StartupFailure cannotListen(HarborConfig config, String reason) {
        String where = config.httpHost() + ":" + config.httpPort();
        if (reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
            return new CannotListen(
                    "Harbor cannot listen on " + where
                            + ": the port is in use by another program. Stop that program or set HARBOR_HTTP_PORT to a free port.");
        }
        return new CannotListen("Harbor cannot listen on " + where + " (" + reason
                + "). Set HARBOR_HTTP_HOST to an address of this machine (or 0.0.0.0) and HARBOR_HTTP_PORT to a port"
                + " it may use (1024 and above without privileges).");
    }

    private static StartupFailure database(SQLException e, HarborConfig config) {
        String url = config.dbUrl().map(SafeUrl::of).orElse("");
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String said = firstLine(e.getMessage());
        if (state.startsWith("28")) {
            return new DatabaseRefused("PostgreSQL at " + url + " refused the login (" + said
                    + "). Check HARBOR_DB_USER and HARBOR_DB_PASSWORD (or the user in HARBOR_DB_URL).");
        }
        if (state.equals("3D000")) {
            return new DatabaseRefused("PostgreSQL at " + url + " has no such database (" + said
                    + "). Create it, or fix the database name in HARBOR_DB_URL.");
        }
        if (state.startsWith("08")) {
            return new DatabaseRefused("Harbor cannot reach PostgreSQL at " + url + " (" + said
                    + "). Check that PostgreSQL is running and that HARBOR_DB_URL names its host and port.");
        }
        return new DatabaseRefused("PostgreSQL at " + url + " refused Harbor's start (" + said
                + (state.isEmpty() ? "" : ", SQL state " + state)
                + "). Check HARBOR_DB_URL, HARBOR_DB_USER and the database's permissions.");
    }

    private static StartupFailure sqlite(SQLException e, HarborConfig config) {
        return new DataDirectoryUnusable("Harbor cannot use its SQLite file in "
                + config.dataDir().toAbsolutePath().normalize() + " (" + firstLine(e.getMessage())
                + "). Check that HARBOR_DATA_DIR is a writable folder on a disk with free space.");
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = firstLine(root.getMessage());
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** A JDBC URL fit for a message: no query parameters (a password may be among them). */
    final class SafeUrl {
        private SafeUrl() {}

        static String of(String url) {
            return url.replaceFirst("^jdbc:", "").split("\\?", 2)[0];
        }
    }
}
