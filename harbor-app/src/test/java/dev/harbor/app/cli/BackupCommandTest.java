package dev.harbor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.app.testing.TestDatabases;
import dev.harbor.app.testing.TestTuning;
import dev.harbor.persistence.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code backup --to FILE}, run in this JVM through picocli, beside a running gateway or alone. */
class BackupCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        CommandLine line = HarborCommand.commandLine(environment, false);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private Map<String, String> environment(String... pairs) {
        Map<String, String> environment = new HashMap<>();
        environment.put("HARBOR_DATA_DIR", dir.resolve("data").toString());
        environment.put("HARBOR_HTTP_HOST", "127.0.0.1");
        environment.put("HARBOR_HTTP_PORT", "0");
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put(pairs[i], pairs[i + 1]);
        }
        return environment;
    }

    private static List<String> query(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void backup_copies_the_database_a_running_gateway_uses_with_every_answered_transaction() throws Exception {
        List<String> answered = new ArrayList<>();
        try (HarborServer server = HarborServer.start(ConfigLoader.load(environment()), TestTuning.quickLockout(3))) {
            AdminHttp http = new AdminHttp(server.port());
            for (int i = 0; i < 5; i++) {
                AdminHttp.Reply created = http.send("POST", "/transactions", "{\"transactionId\":\"cli-" + i + "\"}");
                assertThat(created.status()).isEqualTo(201);
                answered.add("cli-" + i);
            }

            assertThat(run(
                            environment(),
                            "backup",
                            "--to",
                            dir.resolve("copy.db").toString()))
                    .as(err.toString())
                    .isZero();

            assertThat(http.send("GET", "/transactions/cli-0", null).status())
                    .as("the gateway still runs")
                    .isEqualTo(200);
        }
        Path copy = dir.resolve("copy.db");
        assertThat(out.toString()).startsWith("Backed up ").contains(copy.toString(), "integrity checked");
        assertThat(query(copy, "PRAGMA integrity_check")).containsExactly("ok");
        assertThat(query(copy, "SELECT id FROM transactions")).containsExactlyInAnyOrderElementsOf(answered);
        assertThat(filesIn(dir)).as("no temporary file left").containsExactlyInAnyOrder(dir.resolve("data"), copy);
    }

    @Test
    void backup_works_without_a_gateway_running() throws Exception {
        Database.sqlite(dir.resolve("data")).close();

        assertThat(run(environment(), "backup", "--to", dir.resolve("copy.db").toString()))
                .as(err.toString())
                .isZero();

        assertThat(query(dir.resolve("copy.db"), "SELECT count(*) FROM flyway_schema_history"))
                .doesNotContain("0");
    }

    @Test
    void backup_refuses_to_replace_an_existing_file_unless_forced() throws Exception {
        Database.sqlite(dir.resolve("data")).close();
        Path target = Files.writeString(dir.resolve("precious.db"), "yesterday's backup");

        assertThat(run(environment(), "backup", "--to", target.toString())).isEqualTo(1);

        assertThat(err.toString().strip())
                .isEqualTo("backup: " + target + " exists; nothing was written. Choose another file, or add --force"
                        + " to replace it.");
        assertThat(Files.readString(target)).isEqualTo("yesterday's backup");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder(dir.resolve("data"), target);

        assertThat(run(environment(), "backup", "--to", target.toString(), "--force"))
                .isZero();
        assertThat(query(target, "PRAGMA integrity_check")).containsExactly("ok");
    }

    @Test
    void backup_without_a_database_says_so_and_creates_nothing() {
        assertThat(run(environment(), "backup", "--to", dir.resolve("copy.db").toString()))
                .isEqualTo(1);

        assertThat(err.toString()).startsWith("backup: ").contains("harbor.db", "HARBOR_DATA_DIR");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
        assertThat(Files.exists(dir.resolve("copy.db"))).isFalse();
    }

    @Test
    void backup_needs_a_target() {
        assertThat(run(environment(), "backup")).isEqualTo(2);

        assertThat(err.toString()).contains("--to");
    }

    @Test
    void backup_of_a_postgresql_database_names_pg_dump_in_one_line_with_status_1() {
        assertThat(run(
                        environment("HARBOR_DB_URL", TestDatabases.URL),
                        "backup",
                        "--to",
                        dir.resolve("copy.db").toString()))
                .isEqualTo(1);

        assertThat(err.toString()).contains("pg_dump").hasLineCount(1);
        assertThat(out.toString()).isEmpty();
        assertThat(Files.exists(dir.resolve("copy.db"))).isFalse();
    }
}
