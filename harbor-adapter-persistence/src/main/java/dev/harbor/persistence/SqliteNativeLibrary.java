package dev.harbor.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps the SQLite driver's native library unpacked in a folder of the gateway's, so that a start
 * loads it from there. Left to itself, the driver unpacks the library (about 1 MB) from the jar
 * into the temporary directory under a new name at every start and reads both copies back to
 * compare them: some 170 ms of a start on a small machine, on the way to the first connection.
 *
 * <p>The library is written under a temporary name, flushed to disk and then renamed, so a power
 * cut leaves either no file or a whole one; a file of another size than the jar's copy is written
 * again. One folder per driver version. Should the library there fail to load (a folder mounted
 * {@code noexec}, say), the driver logs it and unpacks its own copy as before.
 */
public final class SqliteNativeLibrary {

    /** The driver's own settings: with both set, it loads the library from there. */
    static final String PATH_PROPERTY = "org.sqlite.lib.path";

    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {}

    /**
     * Unpacks the library into {@code cacheDir} unless it is there already, and points the driver
     * at it. Call it before the first SQLite connection of the process; it does nothing when the
     * driver is already pointed somewhere ({@code -Dorg.sqlite.lib.path}).
     *
     * @return the library file the driver will load, or empty when the driver is left to itself
     *     (no library in the jar for this system, the folder cannot be written, or an operator's
     *     own setting)
     */
    public static Optional<Path> unpackOnce(Path cacheDir) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return Optional.empty();
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        URL packed = SQLiteJDBCLoader.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (packed == null) {
            return Optional.empty();
        }
        try {
            Path folder = cacheDir.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
            Path library = folder.resolve(name);
            URLConnection connection = packed.openConnection();
            long size = connection.getContentLengthLong();
            if (size < 0 || !Files.isRegularFile(library) || Files.size(library) != size) {
                Files.createDirectories(folder);
                write(connection, folder, library);
            }
            System.setProperty(PATH_PROPERTY, folder.toString());
            System.setProperty(NAME_PROPERTY, name);
            return Optional.of(library);
        } catch (IOException | RuntimeException cannot) {
            // The driver unpacks its own copy, as it always did.
            return Optional.empty();
        }
    }

    private static void write(URLConnection packed, Path folder, Path library) throws IOException {
        Path part = Files.createTempFile(folder, library.getFileName().toString(), ".part");
        try {
            try (InputStream in = packed.getInputStream();
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
            try (FileChannel written = FileChannel.open(part, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(part, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
