package dev.harbor.app.cli;

/**
 * The exit statuses of {@code java -jar harbor.jar}, as the README lists them: a supervisor
 * or a script can tell a mistake in the files from a database that is down.
 */
public final class ExitStatus {

    /** Stopped in order (SIGTERM, a reboot), {@code check-config} found nothing wrong, or {@code backup} wrote its copy. */
    public static final int OK = 0;
    /** Anything not listed below; {@code check-config}: the configuration or layout is invalid; {@code backup}: nothing copied. */
    public static final int OTHER = 1;
    /** Invalid configuration or layout (nothing was started); also a wrong command line. */
    public static final int INVALID_SETUP = 2;
    /** The database cannot be reached or refuses the gateway (login, database name). */
    public static final int DATABASE = 3;
    /** The HTTP port is in use, or the address cannot be listened on. */
    public static final int NETWORK = 4;
    /** The data directory cannot be created or written. */
    public static final int DATA_DIRECTORY = 5;

    private ExitStatus() {}
}
