package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.app.testing.TestDatabases;
import dev.harbor.app.testing.TestTuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /system/backup} on a real gateway (SQLite, the demo layout): a backup taken while
 * clients create and release transactions, restored as another gateway's {@code harbor.db}, holds
 * every transaction answered before the backup was asked for.
 */
class BackupGatewayTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "correct horse battery";
    private static final String BASIC = AdminHttp.basic(USER, PASSWORD);
    private static final int WRITERS = 3;
    /** Each writer keeps at most this many of its transactions active, so the 32 demo lockers never run out. */
    private static final int ACTIVE_PER_WRITER = 3;
    /**
     * Each writer's first transactions stay active to the end: however fast the writers cycle
     * while the backup runs, some transactions were active before, during and after it.
     */
    private static final int KEPT_PER_WRITER = 2;

    @TempDir
    Path dir;

    private static Map<String, String> environment(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("HARBOR_DATA_DIR", dataDir.toString());
        env.put("HARBOR_HTTP_HOST", "127.0.0.1");
        env.put("HARBOR_HTTP_PORT", "0");
        env.put("HARBOR_ADMIN_USERNAME", USER);
        env.put("HARBOR_ADMIN_PASSWORD", PASSWORD);
        return env;
    }

    private static HarborServer start(Map<String, String> env) {
        return HarborServer.start(ConfigLoader.load(env), TestTuning.quickLockout(3));
    }

    /** When each answer of one transaction arrived, by {@link System#nanoTime()}. */
    private static final class Timeline {
        volatile long created = Long.MAX_VALUE;
        volatile long releaseSent = Long.MAX_VALUE;
        volatile long released = Long.MAX_VALUE;
    }

    @Test
    void a_backup_taken_under_write_load_holds_every_transaction_answered_before_it() throws Exception {
        Path dataDir = dir.resolve("data");
        Map<String, Timeline> timelines = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        long backupSent;
        long backupAnswered;
        AdminHttp.Reply backup;
        try (HarborServer gateway = start(environment(dataDir))) {
            AdminHttp http = new AdminHttp(gateway.port());
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    Deque<String> active = new ArrayDeque<>();
                    try {
                        for (int i = 0; writing.get(); i++) {
                            if (active.size() >= ACTIVE_PER_WRITER) {
                                String oldest = active.removeFirst();
                                Timeline timeline = timelines.get(oldest);
                                timeline.releaseSent = System.nanoTime();
                                int status = http.send("DELETE", "/transactions/" + oldest, null)
                                        .status();
                                assertThat(status).as("DELETE " + oldest).isEqualTo(204);
                                timeline.released = System.nanoTime();
                            }
                            String id = "load-" + writer + "-" + i;
                            Timeline timeline = new Timeline();
                            timelines.put(id, timeline);
                            int status = http.send("POST", "/transactions", "{\"transactionId\":\"" + id + "\"}")
                                    .status();
                            assertThat(status).as("POST " + id).isEqualTo(201);
                            timeline.created = System.nanoTime();
                            if (i >= KEPT_PER_WRITER) {
                                active.addLast(id);
                            }
                        }
                    } catch (Throwable e) {
                        writerFailure.compareAndSet(null, e);
                    }
                });
                thread.start();
                writers.add(thread);
            }
            while (timelines.size() < 60 && writerFailure.get() == null) {
                Thread.sleep(10);
            }
            backupSent = System.nanoTime();
            backup = http.send("POST", "/system/backup", null, "Authorization", BASIC);
            backupAnswered = System.nanoTime();

            // The writers go on after the backup, so the copy is proven to be a snapshot, not the end state.
            long until = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < until && writerFailure.get() == null) {
                Thread.sleep(10);
            }
            writing.set(false);
            for (Thread thread : writers) {
                thread.join(30_000);
            }
            assertThat(writerFailure.get())
                    .as("every write was answered as expected")
                    .isNull();
            assertThat(backup.status()).as(String.valueOf(backup.body())).isEqualTo(200);
            assertThat(auditMessages(http)).anyMatch(m -> m.contains("admin:admin system.backup database -> OK"));
        }

        JsonNode answer = backup.body();
        assertThat(answer.get("success").asBoolean()).isTrue();
        Path copy = Path.of(answer.get("file").asText());
        assertThat(copy.getParent()).isEqualTo(dataDir.resolve("backups").toAbsolutePath());
        assertThat(copy.getFileName().toString()).matches("harbor-\\d{8}T\\d{6}\\.\\d{3}Z\\.db");
        assertThat(answer.get("bytes").asLong()).isEqualTo(Files.size(copy));
        assertThat(Instant.parse(answer.get("createdAt").asText())).isBeforeOrEqualTo(Instant.now());

        Set<String> answeredBefore = ids(timelines, t -> t.created < backupSent);
        Set<String> releasedBefore = ids(timelines, t -> t.released < backupSent);
        Set<String> activeThroughout = ids(timelines, t -> t.created < backupSent && t.releaseSent > backupAnswered);
        Set<String> askedAfter = ids(timelines, t -> t.created != Long.MAX_VALUE && t.created > backupAnswered);
        assertThat(answeredBefore).hasSizeGreaterThanOrEqualTo(50);
        assertThat(releasedBefore).isNotEmpty();
        assertThat(activeThroughout).isNotEmpty();
        assertThat(ids(timelines, t -> t.created > backupAnswered))
                .as("writes went on after the backup")
                .isNotEmpty();

        // Restore as the README says: the copy becomes harbor.db of a data directory without -wal or -shm.
        Path restoredDir = dir.resolve("restored");
        Files.createDirectories(restoredDir);
        Files.copy(copy, restoredDir.resolve("harbor.db"));

        Map<String, Boolean> stored = transactionRows(restoredDir.resolve("harbor.db"));
        assertThat(stored.keySet()).containsAll(answeredBefore);
        assertThat(releasedBefore).allMatch(stored::get, "released in the copy");
        assertThat(activeThroughout).noneMatch(stored::get, "active in the copy");
        assertThat(stored.keySet()).as("nothing created after the snapshot").doesNotContainAnyElementsOf(askedAfter);

        try (HarborServer restored = start(environment(restoredDir))) {
            AdminHttp http = new AdminHttp(restored.port());
            for (String id : activeThroughout) {
                assertThat(http.send("GET", "/transactions/" + id, null).status())
                        .as("GET /transactions/" + id)
                        .isEqualTo(200);
            }
            for (String id : releasedBefore) {
                assertThat(http.send("GET", "/transactions/" + id, null).status())
                        .as("GET /transactions/" + id + " (released before the backup)")
                        .isEqualTo(404);
            }
            Map<String, Long> active = new HashMap<>();
            http.send("GET", "/transactions", null)
                    .body()
                    .forEach(t -> active.put(
                            t.get("transactionId").asText(), t.get("lockerId").asLong()));
            assertThat(active.keySet()).containsAll(activeThroughout);
            assertThat(active.values()).doesNotHaveDuplicates();
            Map<String, Long> heldBy = new HashMap<>();
            http.send("GET", "/lockers", null).body().forEach(l -> {
                if (!l.get("transactionId").isNull()) {
                    heldBy.put(
                            l.get("transactionId").asText(), l.get("lockerId").asLong());
                }
            });
            assertThat(heldBy).isEqualTo(active);
        }
        assertThat(query(restoredDir.resolve("harbor.db"), "PRAGMA integrity_check"))
                .containsExactly("ok");
        assertThat(query(restoredDir.resolve("harbor.db"), "PRAGMA foreign_key_check"))
                .isEmpty();
    }

    @Test
    void backup_is_for_admins_only() throws Exception {
        Path dataDir = dir.resolve("data");
        try (HarborServer gateway = start(environment(dataDir))) {
            AdminHttp http = new AdminHttp(gateway.port());

            AdminHttp.Reply anonymous = http.send("POST", "/system/backup", null);
            AdminHttp.Reply wrong = http.send(
                    "POST", "/system/backup", null, "Authorization", AdminHttp.basic(USER, "wrong password!"));

            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.error()).isEqualTo("UNAUTHORIZED");
            assertThat(wrong.status()).isEqualTo(401);
        }
        assertThat(Files.exists(dataDir.resolve("backups"))).isFalse();
    }

    @Test
    void nothing_in_the_request_chooses_where_the_backup_goes() throws Exception {
        // Deep enough that every reading of the escape stays inside this test's folder.
        Path dataDir = dir.resolve("a/b/c/data");
        String escape = "../../escaped.db";
        try (HarborServer gateway = start(environment(dataDir))) {
            AdminHttp http = new AdminHttp(gateway.port());

            AdminHttp.Reply reply = http.send(
                    "POST",
                    "/system/backup?file=" + escape + "&to=" + escape + "&name=" + escape,
                    "{\"file\":\"" + escape + "\",\"to\":\"" + escape + "\",\"name\":\"" + escape + "\"}",
                    "Authorization",
                    BASIC);
            assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
            assertThat(Path.of(reply.body().get("file").asText()).getParent())
                    .isEqualTo(dataDir.resolve("backups").toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains("escaped"));
        }
        assertThat(Path.of(escape)).as("relative to the working directory").doesNotExist();
    }

    @Tag("postgres")
    @Test
    void backup_of_a_postgresql_gateway_is_409_naming_pg_dump() throws Exception {
        String url = TestDatabases.freshPostgresSchema();
        try {
            Map<String, String> env = environment(dir.resolve("data"));
            env.put("HARBOR_DB_URL", url);
            try (HarborServer gateway = start(env)) {
                AdminHttp.Reply reply =
                        new AdminHttp(gateway.port()).send("POST", "/system/backup", null, "Authorization", BASIC);

                assertThat(reply.status()).isEqualTo(409);
                assertThat(reply.error()).isEqualTo("INVALID_STATE");
                assertThat(reply.body().get("message").asText()).contains("pg_dump");
            }
            assertThat(Files.exists(dir.resolve("data/backups"))).isFalse();
        } finally {
            TestDatabases.dropSchemaOf(url);
        }
    }

    private static Set<String> ids(Map<String, Timeline> timelines, java.util.function.Predicate<Timeline> which) {
        return timelines.entrySet().stream()
                .filter(e -> which.test(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Every transaction row of the file: its id, and whether it is released. */
    private static Map<String, Boolean> transactionRows(Path file) throws SQLException {
        Map<String, Boolean> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, released_at IS NOT NULL FROM transactions")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getBoolean(2));
            }
        }
        return rows;
    }

    private static List<String> query(Path file, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static List<String> auditMessages(AdminHttp http) throws Exception {
        List<String> messages = new ArrayList<>();
        http.send("GET", "/system/logs?limit=1000", null, "Authorization", BASIC)
                .body()
                .forEach(e -> {
                    if (e.get("logger").asText().equals("audit")) {
                        messages.add(e.get("message").asText());
                    }
                });
        return messages;
    }
}
