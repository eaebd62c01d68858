package dev.harbor.persistence.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The migration files this version ships. They are named here rather than found by scanning the
 * class path, so that Flyway need not search the runnable jar's thousands of entries at every start
 * and a start can tell without Flyway whether the schema is already this version's. A test keeps this
 * list equal to the files under {@code db/migration}.
 */
public final class SchemaMigrations {

    private static final String ROOT = "db/migration/";
    private static final String COMMON = "common/";

    private static final List<String> FILES = List.of(
            "common/V2__transactions_layout_settings_devices.sql",
            "common/V3__admin_users_and_sessions.sql",
            "common/V4__typed_runtime_settings.sql",
            "common/V5__webhook_deliveries.sql",
            "common/V7__login_failures.sql",
            "postgresql/V1__tables_with_generated_ids.sql",
            "postgresql/V6__bikeep_locations_and_remote_commands.sql",
            "sqlite/V1__tables_with_generated_ids.sql",
            "sqlite/V6__bikeep_locations_and_remote_commands.sql");

    private SchemaMigrations() {}

    /** Every file named here, as paths below {@code db/migration/} ({@code common/V2__….sql}). */
    static List<String> files() {
        return FILES;
    }

    /** The migrations a database of this dialect receives: the common ones and its own, by version. */
    public static List<Migration> of(Dialect dialect) {
        return FILES.stream()
                .filter(file -> file.startsWith(COMMON) || file.startsWith(dialect.storageName() + "/"))
                .map(file -> Migration.of(ROOT + file))
                .sorted(Migration.BY_VERSION)
                .toList();
    }

    /**
     * One versioned SQL migration, {@code V<version>__<description>.sql}, read from the class path.
     * Version and description are derived as Flyway derives them from the file name.
     *
     * @param resource the class-path resource, {@code db/migration/common/V2__….sql}
     */
    public record Migration(String resource, String version, String description) {

        private static final String PREFIX = "V";
        private static final String SEPARATOR = "__";
        private static final String SUFFIX = ".sql";
        private static final String BYTE_ORDER_MARK = "\uFEFF";

        static Migration of(String resource) {
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            int separator = fileName.indexOf(SEPARATOR);
            if (!fileName.startsWith(PREFIX) || separator < 0 || !fileName.endsWith(SUFFIX)) {
                throw new IllegalArgumentException("not a versioned SQL migration: " + resource);
            }
            String version = fileName.substring(PREFIX.length(), separator).replace('_', '.');
            String description = fileName.substring(separator + SEPARATOR.length(), fileName.length() - SUFFIX.length())
                    .replace('_', ' ');
            return new Migration(resource, version, description);
        }

        public String fileName() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }

        /** The file as Flyway reads a class-path migration: UTF-8, malformed bytes refused. */
        public Reader read() {
            InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("the migration " + resource + " is missing from the class path");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
        }

        /**
         * The checksum Flyway keeps in its history for this file: a CRC-32 over the UTF-8 bytes of each
         * line without its line ending, a byte-order mark dropped from the first line only, as Flyway
         * 13's {@code ChecksumCalculator} computes it. Tests compare it with Flyway's own calculation and
         * with what Flyway stored; should Flyway change its algorithm, those fail, and at run time every
         * start would merely go through Flyway.
         */
        public int checksum() {
            CRC32 crc = new CRC32();
            try (BufferedReader lines = new BufferedReader(read(), 4096)) {
                String line = lines.readLine();
                if (line != null && line.startsWith(BYTE_ORDER_MARK)) {
                    line = line.substring(1);
                }
                for (; line != null; line = lines.readLine()) {
                    crc.update(line.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the migration " + resource, e);
            }
            return (int) crc.getValue();
        }

        /** Oldest first, numerically part by part, so that V10 comes after V9. */
        static final Comparator<Migration> BY_VERSION = (a, b) -> {
            String[] x = a.version.split("\\.");
            String[] y = b.version.split("\\.");
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                int order = new BigInteger(x[i]).compareTo(new BigInteger(y[i]));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(x.length, y.length);
        };
    }
}
