package dev.harbor.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Run in a JVM of its own by {@link SqliteNativeLibraryTest} (the driver's settings are the whole
 * process's, and it loads its library once): unpacks into the folder given, opens a connection,
 * and prints which library file the process mapped.
 */
public final class SqliteNativeLibraryProbe {

    public static void main(String[] args) throws Exception {
        System.out.println("unpacked "
                + SqliteNativeLibrary.unpackOnce(Path.of(args[0]))
                        .map(Path::toString)
                        .orElse("nothing"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                ResultSet version = connection.createStatement().executeQuery("SELECT sqlite_version()")) {
            version.next();
            System.out.println("sqlite " + version.getString(1));
        }
        try (var maps = Files.lines(Path.of("/proc/self/maps"))) {
            maps.filter(line -> line.contains("sqlitejdbc"))
                    .map(line -> "mapped " + line.substring(line.indexOf('/')))
                    .distinct()
                    .forEach(System.out::println);
        }
    }
}
