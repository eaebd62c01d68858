package dev.harbor.persistence.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/** Gives Flyway exactly the migration files named in {@link SchemaMigrations}, instead of a class-path scan. */
final class ShippedMigrations implements ResourceProvider {

    private final List<LoadableResource> resources;

    ShippedMigrations(Dialect dialect) {
        this.resources = SchemaMigrations.of(dialect).stream()
                .<LoadableResource>map(ShippedMigrationResource::new)
                .toList();
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream()
                .filter(resource -> resource.getRelativePath().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
        return resources.stream()
                .filter(resource -> resource.getFilename().startsWith(prefix)
                        && Arrays.stream(suffixes).anyMatch(resource.getFilename()::endsWith))
                .toList();
    }
}
