package dev.harbor.persistence;

import dev.harbor.application.port.contract.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh SQLite database file for each test, closed and deleted after it. */
final class SqliteFile implements BeforeEachCallback, AfterEachCallback {

    private Path dataDir;
    private Database database;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("harbor-sqlite-test");
        database = Database.sqlite(dataDir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    Database database() {
        return database;
    }

    Stores stores() {
        return TestStores.of(database);
    }
}
