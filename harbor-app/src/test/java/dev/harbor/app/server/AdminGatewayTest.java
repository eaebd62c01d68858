package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.logging.MemoryLogBook;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.app.testing.TestTuning;
import dev.harbor.hardware.simulator.SimulatedBoard;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Admin API end to end: a real gateway over real HTTP on a real database, simulated boards,
 * an admin from the configuration. The layout has locker and bank types but no controllers, so
 * every locker here belongs to a controller the test added.
 */
abstract class AdminGatewayTest {

    static final String USER = "admin";
    static final String PASSWORD = "correct horse battery";
    static final String BASIC = AdminHttp.basic(USER, PASSWORD);
    static final String LAYOUT = """
            { "lockerTypes": [ { "slug": "small", "name": "Small" }, { "slug": "large", "name": "Large" } ],
              "bankTypes": [ { "name": "Four", "lockers": ["small", "small", "large", "large"] } ],
              "controllers": [] }
            """;
    /** Three failures lock a client out for two seconds, so the test can watch the lockout end. */
    static final HarborServer.Tuning TUNING = TestTuning.quickLockout(3);

    @TempDir
    Path dir;

    private HarborServer server;
    private AdminHttp http;
    private String token;

    /** Extra configuration: the database to use. */
    abstract Map<String, String> database() throws Exception;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("layout.json"), LAYOUT);
        startServer();
    }

    private void startServer() throws Exception {
        Map<String, String> env = new HashMap<>(database());
        env.put("HARBOR_DATA_DIR", dir.toString());
        env.put("HARBOR_HTTP_HOST", "127.0.0.1");
        env.put("HARBOR_HTTP_PORT", "0");
        env.put("HARBOR_LAYOUT_FILE", dir.resolve("layout.json").toString());
        env.put("HARBOR_ADMIN_USERNAME", USER);
        env.put("HARBOR_ADMIN_PASSWORD", PASSWORD);
        server = HarborServer.start(ConfigLoader.load(env), TUNING);
        http = new AdminHttp(server.port());
        token = null;
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        dropDatabase();
    }

    /** After the gateway closed its connections. */
    void dropDatabase() throws Exception {}

    // --- authentication

    @Test
    void login_gives_a_token_that_works_until_logout() throws Exception {
        AdminHttp.Reply login = http.send("POST", "/auth/login", null, "Authorization", BASIC);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().get("username").asText()).isEqualTo(USER);
        assertThat(login.body().get("expiresAt").asText()).endsWith("Z");
        String session = login.body().get("token").asText();

        assertThat(http.send("GET", "/controllers", null, "X-Session-Token", session)
                        .status())
                .isEqualTo(200);
        assertThat(http.send("POST", "/auth/logout", null, "X-Session-Token", session)
                        .status())
                .isEqualTo(204);

        AdminHttp.Reply after = http.send("GET", "/controllers", null, "X-Session-Token", session);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("WWW-Authenticate")).isEqualTo("Basic realm=\"harbor\"");
    }

    @Test
    void no_password_token_or_authorization_header_ever_reaches_the_log() throws Exception {
        String token = http.send("POST", "/auth/login", null, "Authorization", BASIC)
                .body()
                .get("token")
                .asText();
        http.send("GET", "/controllers", null, "X-Session-Token", token);
        String wrongPassword = "wrong-password-that-must-not-be-logged";
        String wrongBasic = AdminHttp.basic(USER, wrongPassword);
        http.send("POST", "/auth/login", null, "Authorization", wrongBasic);
        http.send("GET", "/controllers", null, "X-Session-Token", "forged-token-that-must-not-be-logged");
        http.send("POST", "/auth/logout", null, "X-Session-Token", token);

        List<String> logged = MemoryLogBook.installed().recent(null, 5000, null).stream()
                .map(e -> e.message() + " " + e.error())
                .toList();

        assertThat(logged).as("the gateway did log this run").isNotEmpty();
        assertThat(String.join("\n", logged))
                .doesNotContain(
                        PASSWORD,
                        token,
                        BASIC.substring("Basic ".length()),
                        wrongPassword,
                        wrongBasic.substring("Basic ".length()),
                        "forged-token-that-must-not-be-logged");
    }

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_401() throws Exception {
        AdminHttp.Reply wrong = http.send("POST", "/auth/login", null, "Authorization", AdminHttp.basic(USER, "nope"));
        AdminHttp.Reply unknown =
                http.send("POST", "/auth/login", null, "Authorization", AdminHttp.basic("mallory", PASSWORD));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo("UNAUTHORIZED");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().get("message")).isEqualTo(wrong.body().get("message"));
    }

    @Test
    void repeated_failures_are_refused_with_429_and_retry_after_until_the_lockout_ends() throws Exception {
        String wrong = AdminHttp.basic(USER, "wrong password");
        assertThat(http.send("POST", "/auth/login", null, "Authorization", wrong)
                        .status())
                .isEqualTo(401);
        assertThat(http.send("POST", "/auth/login", null, "Authorization", wrong)
                        .status())
                .isEqualTo(401);
        AdminHttp.Reply locked = http.send("POST", "/auth/login", null, "Authorization", wrong);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.error()).isEqualTo("TOO_MANY_REQUESTS");

        AdminHttp.Reply evenRight = http.send("GET", "/controllers", null, "Authorization", BASIC);
        assertThat(evenRight.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(evenRight.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);

        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(http.send("GET", "/controllers", null, "Authorization", BASIC)
                        .status())
                .isEqualTo(200);
    }

    // --- controllers

    @Test
    void a_controller_added_with_a_bank_type_brings_its_lockers_with_their_types() throws Exception {
        JsonNode added = addController("Tower A", "bus-a", 0);

        assertThat(added.get("discoveredVia").asText()).isEqualTo("MANUAL");
        assertThat(added.get("lockerCount").asInt()).isEqualTo(4);
        assertThat(slugs(added.get("lockers"))).containsExactly("small", "small", "large", "large");
        JsonNode lockers =
                get("/lockers?controllerId=" + added.get("controllerId").asLong());
        assertThat(lockers.size()).isEqualTo(4);
        assertThat(lockers.get(0).get("available").asBoolean()).isTrue();
        assertThat(admin("GET", "/controllers", null).body().size()).isEqualTo(1);

        AdminHttp.Reply clash = admin("POST", "/controllers", createBody("Tower A again", "bus-a", 0));
        assertThat(clash.status()).isEqualTo(409);
        AdminHttp.Reply bad = admin("POST", "/controllers", createBody("Far", "bus-a", 10));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void a_board_that_never_answers_stays_offline_and_its_lockers_are_never_handed_out() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long bankTypeId = get("/bank-types").get(0).get("bankTypeId").asLong();
        AdminHttp.Reply added = admin(
                "POST",
                "/controllers",
                "{\"name\":\"Miswired\",\"protocol\":\"kerong-cu16\",\"transport\":{\"type\":\"tcp\","
                        + "\"host\":\"127.0.0.1\",\"port\":" + closedPort + "},\"boardAddress\":0,\"bankTypeId\":"
                        + bankTypeId + "}");
        assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(201);
        assertNotAnsweredYet(added.body());
        long miswired = added.body().get("controllerId").asLong();

        awaitFirstPollFailed(miswired);

        JsonNode after = admin("GET", "/controllers/" + miswired, null).body();
        assertNotAnsweredYet(after);
        assertThat(get("/lockers?controllerId=" + miswired))
                .allSatisfy(l -> assertThat(l.get("operational").asBoolean()).isFalse())
                .allSatisfy(l -> assertThat(l.get("available").asBoolean()).isFalse());
        AdminHttp.Reply refused = http.send("POST", "/transactions", "{\"transactionId\":\"parcel-1\"}");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.error()).isEqualTo("NO_AVAILABLE_LOCKERS");

        AdminHttp.Reply simulated = admin("POST", "/controllers", createBody("Tower A", "bus-a", 0));
        assertThat(simulated.status()).isEqualTo(201);
        long answering = simulated.body().get("controllerId").asLong();
        assertThat(simulated.body().get("online").asBoolean()).isFalse();
        JsonNode online = awaitOnline(answering);
        assertThat(online.get("health").asText()).isEqualTo("HEALTHY");
        assertThat(online.path("lastSeenAt").asText(null)).isNotNull();

        for (int i = 0; i < 4; i++) {
            JsonNode transaction = createTransaction("parcel-" + i, null);
            assertThat(get("/lockers/" + transaction.get("lockerId").asLong())
                            .get("controllerId")
                            .asLong())
                    .isEqualTo(answering);
        }
        assertThat(http.send("POST", "/transactions", "{\"transactionId\":\"parcel-5\"}")
                        .status())
                .as("the miswired board's lockers are never handed out")
                .isEqualTo(503);
        assertNotAnsweredYet(admin("GET", "/controllers/" + miswired, null).body());
    }

    /** What the Admin API says of a controller whose board has not answered a poll yet. */
    private static void assertNotAnsweredYet(JsonNode controller) {
        assertThat(controller.get("online").asBoolean())
                .as(controller.toString())
                .isFalse();
        assertThat(controller.get("health").asText()).as(controller.toString()).isNotEqualTo("HEALTHY");
        assertThat(controller.path("lastSeenAt").asText(null))
                .as(controller.toString())
                .isNull();
        if (controller.has("lockers")) {
            assertThat(controller.get("lockers"))
                    .isNotEmpty()
                    .allSatisfy(
                            l -> assertThat(l.get("operational").asBoolean()).isFalse());
        }
    }

    @Test
    void a_simulated_board_without_a_bus_gets_one_of_its_own_that_it_keeps_across_a_restart() throws Exception {
        long bankTypeId = get("/bank-types").get(0).get("bankTypeId").asLong();
        String body = "{\"name\":\"%s\",\"protocol\":\"kerong-cu16\",\"transport\":{\"type\":\"simulated\"},"
                + "\"boardAddress\":0,\"bankTypeId\":" + bankTypeId + "}";
        AdminHttp.Reply first = admin("POST", "/controllers", body.formatted("Own 1"));
        AdminHttp.Reply second = admin("POST", "/controllers", body.formatted("Own 2"));
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(201);
        assertThat(second.status()).as(String.valueOf(second.body())).isEqualTo(201);
        String firstBus = first.body().get("transport").get("bus").asText();
        String secondBus = second.body().get("transport").get("bus").asText();
        assertThat(firstBus).startsWith("sim-").isNotEqualTo(secondBus);
        long id = first.body().get("controllerId").asLong();
        awaitOnline(id);
        awaitOnline(second.body().get("controllerId").asLong());

        server.close();
        startServer();

        assertThat(admin("GET", "/controllers/" + id, null)
                        .body()
                        .get("transport")
                        .get("bus")
                        .asText())
                .isEqualTo(firstBus);
        awaitOnline(id);
        assertThat(server.simulatedBuses().existing(firstBus)).isPresent();
    }

    @Test
    void a_bank_grows_and_shrinks_but_never_over_an_active_transaction() throws Exception {
        long controllerId =
                addController("Tower A", "bus-a", 0).get("controllerId").asLong();
        String path = "/controllers/" + controllerId + "/locker-count";

        JsonNode grown = admin("PATCH", path, "{\"lockerCount\":6}").body();
        assertThat(grown.get("previousCount").asInt()).isEqualTo(4);
        assertThat(grown.get("addedLockerIds").size()).isEqualTo(2);
        assertThat(get("/lockers?controllerId=" + controllerId).size()).isEqualTo(6);

        JsonNode shrunk = admin("PATCH", path, "{\"lockerCount\":4}").body();
        assertThat(numbers(shrunk.get("removedLockerIds")))
                .containsExactlyInAnyOrderElementsOf(numbers(grown.get("addedLockerIds")));

        createTransaction("big-parcel", "large");
        AdminHttp.Reply refused = admin("PATCH", path, "{\"lockerCount\":2}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("INVALID_STATE");
        assertThat(get("/lockers?controllerId=" + controllerId).size()).isEqualTo(4);
    }

    @Test
    void a_replaced_board_keeps_every_locker_and_transaction_and_the_next_open_goes_to_the_new_board()
            throws Exception {
        long controllerId =
                addController("Tower A", "bus-a", 0).get("controllerId").asLong();
        JsonNode transaction = createTransaction("order-1", "large");
        long lockerId = transaction.get("lockerId").asLong();
        JsonNode before = get("/lockers?controllerId=" + controllerId);

        AdminHttp.Reply replaced = admin(
                "POST",
                "/controllers/" + controllerId + "/replace",
                "{\"transport\":{\"type\":\"simulated\",\"bus\":\"bus-b\"},\"boardAddress\":1}");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().get("transport").get("bus").asText()).isEqualTo("bus-b");
        assertThat(replaced.body().get("boardAddress").asInt()).isEqualTo(1);
        JsonNode after = get("/lockers?controllerId=" + controllerId);
        assertThat(ids(after)).isEqualTo(ids(before));
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).get("state")).isEqualTo(before.get(i).get("state"));
            assertThat(after.get(i).get("transactionId"))
                    .isEqualTo(before.get(i).get("transactionId"));
            assertThat(after.get(i).get("lockerType")).isEqualTo(before.get(i).get("lockerType"));
        }
        assertThat(get("/transactions/order-1").get("lockerId").asLong()).isEqualTo(lockerId);

        AdminHttp.Reply opened = http.send("POST", "/transactions/order-1/open", null);
        assertThat(opened.status()).isEqualTo(200);
        int lock = get("/lockers/" + lockerId).get("bankLockerNumber").asInt();
        SimulatedBoard newBoard =
                server.simulatedBuses().existing("bus-b").orElseThrow().board(1).orElseThrow();
        SimulatedBoard oldBoard =
                server.simulatedBuses().existing("bus-a").orElseThrow().board(0).orElseThrow();
        assertThat(newBoard.isDoorOpen(lock)).isTrue();
        assertThat(oldBoard.isDoorOpen(lock)).isFalse();
    }

    @Test
    void removing_a_controller_needs_force_while_a_transaction_is_active_and_force_releases_it_audited()
            throws Exception {
        long controllerId =
                addController("Tower A", "bus-a", 0).get("controllerId").asLong();
        createTransaction("stuck", null);

        AdminHttp.Reply refused = admin("DELETE", "/controllers/" + controllerId, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(http.send("GET", "/transactions/stuck", null).status()).isEqualTo(200);

        assertThat(admin("DELETE", "/controllers/" + controllerId + "?force=true", null)
                        .status())
                .isEqualTo(204);
        assertThat(http.send("GET", "/transactions/stuck", null).status()).isEqualTo(404);
        assertThat(admin("GET", "/controllers/" + controllerId, null).status()).isEqualTo(404);
        assertThat(get("/lockers").size()).isZero();
        assertThat(auditMessages())
                .anyMatch(m -> m.contains("transaction.force-release") && m.contains("stuck"))
                .anyMatch(m -> m.contains("controller.remove") && m.contains("REFUSED"))
                .anyMatch(m -> m.contains("controller.remove") && m.contains("forced"));
    }

    @Test
    void admin_changes_show_in_the_system_logs_and_survive_a_restart() throws Exception {
        long controllerId =
                addController("Tower A", "bus-a", 0).get("controllerId").asLong();
        admin("PATCH", "/controllers/" + controllerId, "{\"name\":\"Tower A1\"}");
        admin("PATCH", "/controllers/" + controllerId + "/locker-count", "{\"lockerCount\":5}");
        List<String> before = auditMessages();
        assertThat(before)
                .anyMatch(m -> m.contains("admin:admin controller.add"))
                .anyMatch(m -> m.contains("admin:admin controller.update"))
                .anyMatch(m -> m.contains("admin:admin controller.locker-count") && m.contains("4 -> 5"))
                .anyMatch(m -> m.contains("admin:admin admin.login"));

        server.close();
        startServer();

        assertThat(auditMessages()).containsAll(before);
        assertThat(admin("GET", "/controllers/" + controllerId, null)
                        .body()
                        .get("name")
                        .asText())
                .isEqualTo("Tower A1");
    }

    // --- helpers

    private AdminHttp.Reply admin(String method, String path, String json) throws Exception {
        if (token == null) {
            AdminHttp.Reply login = http.send("POST", "/auth/login", null, "Authorization", BASIC);
            assertThat(login.status()).as("login").isEqualTo(200);
            token = login.body().get("token").asText();
        }
        return http.send(method, path, json, "X-Session-Token", token);
    }

    private JsonNode get(String path) throws Exception {
        AdminHttp.Reply reply = http.send("GET", path, null);
        assertThat(reply.status()).as("GET " + path).isEqualTo(200);
        return reply.body();
    }

    private String createBody(String name, String bus, int address) throws Exception {
        long bankTypeId = get("/bank-types").get(0).get("bankTypeId").asLong();
        return "{\"name\":\"" + name + "\",\"protocol\":\"kerong-cu16\",\"transport\":{\"type\":\"simulated\","
                + "\"bus\":\"" + bus + "\"},\"boardAddress\":" + address + ",\"bankTypeId\":" + bankTypeId + "}";
    }

    /** Adds a simulated controller and waits for its board's first answer, so its lockers can be handed out. */
    private JsonNode addController(String name, String bus, int address) throws Exception {
        AdminHttp.Reply reply = admin("POST", "/controllers", createBody(name, bus, address));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
        awaitOnline(reply.body().get("controllerId").asLong());
        return reply.body();
    }

    /** Polls the controller until its board has answered a poll; fails after ten seconds. */
    private JsonNode awaitOnline(long controllerId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonNode controller =
                    admin("GET", "/controllers/" + controllerId, null).body();
            if (controller.get("online").asBoolean()) {
                return controller;
            }
            assertThat(System.nanoTime())
                    .as("controller " + controllerId + " answered its first poll: " + controller)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Waits until the log says the controller's board failed its first poll; fails after ten seconds. */
    private void awaitFirstPollFailed(long controllerId) throws Exception {
        String said = "Controller " + controllerId + " has not answered since it was attached";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<String> messages = new ArrayList<>();
            admin("GET", "/system/logs?limit=1000", null)
                    .body()
                    .forEach(e -> messages.add(e.get("message").asText()));
            if (messages.stream().anyMatch(m -> m.contains(said))) {
                return;
            }
            assertThat(System.nanoTime()).as("the log says: " + said).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private JsonNode createTransaction(String id, String lockerType) throws Exception {
        AdminHttp.Reply reply = http.send(
                "POST",
                "/transactions",
                lockerType == null
                        ? "{\"transactionId\":\"" + id + "\"}"
                        : "{\"transactionId\":\"" + id + "\",\"lockerType\":\"" + lockerType + "\"}");
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
        return reply.body();
    }

    private List<String> auditMessages() throws Exception {
        List<String> messages = new ArrayList<>();
        admin("GET", "/system/logs?limit=1000", null).body().forEach(e -> {
            if (e.get("logger").asText().equals("audit")) {
                messages.add(
                        e.get("timestamp").asText() + " " + e.get("message").asText());
            }
        });
        return messages;
    }

    private static List<String> slugs(JsonNode lockers) {
        List<String> slugs = new ArrayList<>();
        lockers.forEach(l -> slugs.add(l.get("lockerType").get("slug").asText()));
        return slugs;
    }

    private static List<Long> numbers(JsonNode array) {
        List<Long> numbers = new ArrayList<>();
        array.forEach(n -> numbers.add(n.asLong()));
        return numbers;
    }

    private static List<Long> ids(JsonNode lockers) {
        List<Long> ids = new ArrayList<>();
        lockers.forEach(l -> ids.add(l.get("lockerId").asLong()));
        return ids;
    }
}
