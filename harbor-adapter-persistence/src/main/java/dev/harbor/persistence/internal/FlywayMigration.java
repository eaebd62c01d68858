package dev.harbor.persistence.internal;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway over the shipped migration files ({@link SchemaMigrations}). Kept apart from the start's check
 * of the history ({@link SchemaHistory}) so that a start which finds the schema current loads none of
 * Flyway's classes.
 */
public final class FlywayMigration {

    private FlywayMigration() {}

    /**
     * Migrates the schema to this version's, or fails with Flyway's message when its history does not
     * agree with the shipped files.
     */
    public static void migrate(DataSource source, Dialect dialect) {
        configure(source, dialect).load().migrate();
    }

    /**
     * With both a resource provider and a Java-migration class provider given, Flyway builds no
     * class-path scanner at all ({@code FlywayExecutor.createResourceAndClassProviders}), so its
     * locations are never read and {@code failOnMissingLocations} has nothing to check; a listed file
     * missing from the class path fails when Flyway reads it.
     */
    static FluentConfiguration configure(DataSource source, Dialect dialect) {
        return Flyway.configure(FlywayMigration.class.getClassLoader())
                .dataSource(source)
                .resourceProvider(new ShippedMigrations(dialect))
                .javaMigrationClassProvider(List::of)
                .validateMigrationNaming(true)
                .cleanDisabled(true);
    }
}
