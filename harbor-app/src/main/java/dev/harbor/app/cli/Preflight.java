package dev.harbor.app.cli;

import dev.harbor.app.config.HarborConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks made before the database is opened, so a port that is taken or a data directory that
 * cannot be used stops the start before anything is created or applied (the layout's controllers
 * would otherwise already be in the database). The HTTP server still reports a port taken in
 * between; this only makes the usual case clean.
 */
final class Preflight {

    private Preflight() {}

    static void check(HarborConfig config) {
        port(config);
        if (config.dbUrl().isEmpty()) {
            dataDirectory(config.dataDir());
        }
    }

    private static void port(HarborConfig config) {
        if (config.httpPort() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            // As Jetty binds: an old connection in TIME_WAIT must not count as the port being taken.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(config.httpHost(), config.httpPort()));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw new StartupFailure.Thrown(StartupFailure.cannotListen(config, e.getMessage()), e);
        }
    }

    private static void dataDirectory(Path dir) {
        Path shown = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw unusable(shown + " cannot be created: " + e.getFile() + " is a file, not a folder", e);
        } catch (IOException e) {
            throw unusable(shown + " cannot be created (" + reason(e) + ")", e);
        }
        if (!Files.isWritable(dir)) {
            throw unusable(shown + " is not writable", null);
        }
    }

    private static StartupFailure.Thrown unusable(String what, Throwable cause) {
        return new StartupFailure.Thrown(
                new StartupFailure.DataDirectoryUnusable("Harbor cannot use its data directory: " + what
                        + ". Set HARBOR_DATA_DIR to a folder Harbor may create and write, or fix its permissions."),
                cause);
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
