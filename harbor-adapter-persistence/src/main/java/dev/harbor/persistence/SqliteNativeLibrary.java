package dev.harbor.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
 * again. One folder per driver version and system. Should the library there fail to load (a folder mounted
 * {@code noexec}, say), the driver logs it and unpacks its own copy as before.
 */
public final class SqliteNativeLibrary {

    /** The driver's own settings: with both set, it loads the library from there. */
    static final String PATH_PROPERTY = "org.sqlite.lib.path";

    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    /** Beside the library: which of the jar's libraries it is (the driver's choice for this system). */
    static final String SOURCE_FILE = "source";

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
        try {
            // Named without asking the driver which system this is: its way of telling (it runs
            // uname) would cost a program's start at every start. The first start notes which of the
            // jar's libraries the driver chose, in a file beside it, for the later ones.
            Path folder = cacheDir.resolve(("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-"
                            + System.getProperty("os.name") + "-" + System.getProperty("os.arch"))
                    .replaceAll("[^A-Za-z0-9._-]", "_"));
            Path noted = folder.resolve(SOURCE_FILE);
            String resource =
                    Files.isRegularFile(noted) ? Files.readString(noted).strip() : "";
            URL packed = resource.isEmpty() ? null : SQLiteJDBCLoader.class.getResource(resource);
            if (packed == null) {
                resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
                packed = SQLiteJDBCLoader.class.getResource(resource);
                if (packed == null) {
                    return Optional.empty();
                }
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            Path library = folder.resolve(name);
            URLConnection connection = packed.openConnection();
            long size = connection.getContentLengthLong();
            if (size < 0 || !Files.isRegularFile(library) || Files.size(library) != size) {
                Files.createDirectories(folder);
                write(folder, library, connection.getInputStream());
            }
            if (!Files.isRegularFile(noted)) {
                write(folder, noted, new ByteArrayInputStream(resource.getBytes(StandardCharsets.UTF_8)));
            }
            System.setProperty(PATH_PROPERTY, folder.toString());
            System.setProperty(NAME_PROPERTY, name);
            return Optional.of(library);
        } catch (IOException | RuntimeException cannot) {
            // The driver unpacks its own copy, as it always did.
            return Optional.empty();
        }
    }

    /** Writes {@code file} whole or not at all: under another name, flushed to disk, then renamed. */
    private static void write(Path folder, Path file, InputStream content) throws IOException {
        Path part = Files.createTempFile(folder, file.getFileName().toString(), ".part");
        try {
            try (InputStream in = content;
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
            try (FileChannel written = FileChannel.open(part, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
