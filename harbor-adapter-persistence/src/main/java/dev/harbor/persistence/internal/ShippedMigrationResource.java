package dev.harbor.persistence.internal;

import dev.harbor.persistence.internal.SchemaMigrations.Migration;
import java.io.Reader;
import java.net.URL;
import org.flywaydb.core.api.resource.LoadableResource;

/** A shipped migration file as Flyway sees a resource: read from the class path as UTF-8. */
final class ShippedMigrationResource extends LoadableResource {

    private final Migration migration;

    ShippedMigrationResource(Migration migration) {
        this.migration = migration;
    }

    @Override
    public Reader read() {
        return migration.read();
    }

    @Override
    public String getAbsolutePath() {
        return migration.resource();
    }

    @Override
    public String getAbsolutePathOnDisk() {
        URL url = SchemaMigrations.class.getClassLoader().getResource(migration.resource());
        return url == null ? migration.resource() : url.getPath();
    }

    @Override
    public String getFilename() {
        return migration.fileName();
    }

    /**
     * The file name alone, as Flyway's class-path scan reported it relative to its location: Flyway
     * writes it into the history's {@code script} column, which stays as earlier versions wrote it.
     */
    @Override
    public String getRelativePath() {
        return migration.fileName();
    }
}
