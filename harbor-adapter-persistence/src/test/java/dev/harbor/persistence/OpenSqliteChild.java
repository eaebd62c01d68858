package dev.harbor.persistence;

import java.nio.file.Path;

/** Run in a separate JVM by {@link SqliteSchemaHistoryTest}: opens the data directory's file and closes it. */
public final class OpenSqliteChild {

    public static void main(String[] args) {
        try (Database db = Database.sqlite(Path.of(args[0]))) {
            System.out.println("OPENED " + db.storageName());
        }
    }
}
