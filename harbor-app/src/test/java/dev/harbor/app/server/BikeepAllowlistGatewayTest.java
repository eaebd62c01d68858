package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.logging.MemoryLogBook;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bikeep allowlist routes end to end: a real gateway (SQLite, port 0) configured with {@code
 * HARBOR_BIKEEP_*} pointing at the Bikeep cloud simulator on loopback, over real HTTP both ways.
 */
class BikeepAllowlistGatewayTest {

    private static final String CLIENT_ID = "harbor-e2e";
    private static final String CLIENT_SECRET = "e2e-client-secret-that-must-not-leak-4711";

    @TempDir
    Path dir;

    private BikeepSimulator sim;
    private HarborServer server;
    private AdminHttp http;
    private final List<String> bodies = new ArrayList<>();
    private String location;
    private String staff;

    @BeforeEach
    void start() throws Exception {
        sim = BikeepSimulator.start(BikeepSimulator.Settings.defaults()
                .withClientCredentials(CLIENT_ID, CLIENT_SECRET)
                .withPort(0));
        location = sim.addLocation("BIKE_LOCKERS", "Office A", 2);
        staff = sim.addWhitelist(location, "Staff");
    }

    private void startGateway(boolean bikeep) throws Exception {
        Files.writeString(dir.resolve("layout.json"), AdminGatewayTest.LAYOUT);
        Map<String, String> env = new HashMap<>();
        env.put("HARBOR_DATA_DIR", dir.toString());
        env.put("HARBOR_HTTP_HOST", "127.0.0.1");
        env.put("HARBOR_HTTP_PORT", "0");
        env.put("HARBOR_LAYOUT_FILE", dir.resolve("layout.json").toString());
        env.put("HARBOR_ADMIN_USERNAME", AdminGatewayTest.USER);
        env.put("HARBOR_ADMIN_PASSWORD", AdminGatewayTest.PASSWORD);
        if (bikeep) {
            env.put("HARBOR_BIKEEP_CLIENT_ID", CLIENT_ID);
            env.put("HARBOR_BIKEEP_CLIENT_SECRET", CLIENT_SECRET);
            env.put("HARBOR_BIKEEP_AUTH_URL", sim.baseUri().toString());
            env.put("HARBOR_BIKEEP_API_URL", sim.baseUri().toString());
        }
        server = HarborServer.start(ConfigLoader.load(env), AdminGatewayTest.TUNING);
        http = new AdminHttp(server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        sim.close();
    }

    private AdminHttp.Reply admin(String method, String path, String json) throws Exception {
        AdminHttp.Reply reply = http.send(method, path, json, "Authorization", AdminGatewayTest.BASIC);
        bodies.add(String.valueOf(reply.body()));
        return reply;
    }

    private static String cards(String operation, String... ids) {
        StringBuilder json = new StringBuilder("{\"operation\":\"" + operation + "\",\"cards\":[");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"cardId\":\"")
                    .append(ids[i])
                    .append("\",\"comment\":\"badge\"}");
        }
        return json.append("]}").toString();
    }

    private List<String> tokensSeenBySimulator() {
        return sim.requests().stream()
                .map(r -> r.header("Authorization"))
                .filter(Objects::nonNull)
                .filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring("Bearer ".length()))
                .distinct()
                .toList();
    }

    @Test
    void an_admin_lists_locations_and_allowlists_and_manages_cards_through_bikeep() throws Exception {
        startGateway(true);
        String cardsPath = "/bikeep/allowlists/" + staff + "/cards";

        AdminHttp.Reply locations = admin("GET", "/bikeep/locations", null);
        assertThat(locations.status()).isEqualTo(200);
        JsonNode office = locations.body().get(0);
        assertThat(office.get("locationId").asText()).isEqualTo(location);
        assertThat(office.get("name").asText()).contains("Office A");
        assertThat(office.get("devices").get("total").asInt()).isEqualTo(2);
        assertThat(office.get("controllerId").isNull()).isTrue();

        AdminHttp.Reply allowlists = admin("GET", "/bikeep/locations/" + location + "/allowlists", null);
        assertThat(allowlists.status()).isEqualTo(200);
        assertThat(allowlists.body().get(0).get("allowlistId").asText()).isEqualTo(staff);
        assertThat(allowlists.body().get(0).get("name").asText()).isEqualTo("Staff");

        AdminHttp.Reply added = admin("POST", cardsPath, cards("ADD", "04:A2:B3:C4:D5:E6:F7", "04-B3-C4 D5"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("applied"))
                .extracting(JsonNode::asText)
                .containsExactly("04a2b3c4d5e6f7", "04b3c4d5");
        assertThat(sim.cards(staff)).containsOnlyKeys("04a2b3c4d5e6f7", "04b3c4d5");

        sim.failCards(staff, Set.of("0c0c0c"), "card is blocked");
        AdminHttp.Reply partial = admin("POST", cardsPath, cards("ADD", "0C:0C:0C", "0d0d0d"));
        assertThat(partial.status()).isEqualTo(207);
        assertThat(partial.body().get("applied")).extracting(JsonNode::asText).containsExactly("0d0d0d");
        assertThat(partial.body().get("failed").get(0).get("cardId").asText()).isEqualTo("0c0c0c");
        assertThat(partial.body().get("failed").get(0).get("message").asText()).contains("card is blocked");

        int requestsBefore = sim.requests().size();
        AdminHttp.Reply bad = admin("POST", cardsPath, cards("ADD", "0e0e", "0e0", "xyz"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).isEqualTo("INVALID_REQUEST");
        assertThat(bad.body().get("details").has("cards[1].cardId")).isTrue();
        assertThat(bad.body().get("details").has("cards[2].cardId")).isTrue();
        assertThat(sim.requests()).hasSize(requestsBefore);
        assertThat(sim.cards(staff)).doesNotContainKey("0e0e");

        AdminHttp.Reply removed = admin("POST", cardsPath, cards("REMOVE", "04:b3:c4:d5"));
        assertThat(removed.status()).isEqualTo(200);
        AdminHttp.Reply listed = admin("GET", cardsPath, null);
        assertThat(listed.body())
                .extracting(card -> card.get("cardId").asText())
                .containsExactlyInAnyOrder("04a2b3c4d5e6f7", "0d0d0d");

        AdminHttp.Reply unknown = admin("GET", "/bikeep/allowlists/no-such-allowlist/cards", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("ALLOWLIST_NOT_FOUND");
        assertThat(unknown.body().get("details").get("bikeepCorrelationId").asText())
                .isNotBlank();

        sim.refuseConnections(true);
        AdminHttp.Reply down = admin("GET", "/bikeep/locations", null);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.error()).isEqualTo("CONTROLLER_UNAVAILABLE");
        AdminHttp.Reply downChange = admin("POST", cardsPath, cards("ADD", "0f0f"));
        assertThat(downChange.status()).isEqualTo(503);
        sim.refuseConnections(false);

        List<AuditTrail.Entry> audit = server.harbor().stores().auditTrail().recent(100, null).stream()
                .filter(e -> e.action().startsWith("allowlist."))
                .toList();
        assertThat(audit)
                .extracting(AuditTrail.Entry::action, AuditTrail.Entry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("allowlist.cards.add", "FAILED"),
                        org.assertj.core.groups.Tuple.tuple("allowlist.cards.remove", "OK"),
                        org.assertj.core.groups.Tuple.tuple("allowlist.cards.add", "PARTIAL"),
                        org.assertj.core.groups.Tuple.tuple("allowlist.cards.add", "OK"));
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("admin:" + AdminGatewayTest.USER);
            assertThat(e.target()).isEqualTo("allowlist " + staff);
        });
        assertThat(audit.toString()).doesNotContain("04a2b3c4d5e6f7", "04b3c4d5", "0c0c0c", "0d0d0d", "0f0f");

        List<String> tokens = tokensSeenBySimulator();
        assertThat(tokens).isNotEmpty();
        String logged = String.join(
                "\n",
                MemoryLogBook.installed().recent(null, 5000, null).stream()
                        .map(e -> e.message() + " " + e.error())
                        .toList());
        assertThat(logged).as("the gateway logged the Bikeep failures").contains("Bikeep");
        assertThat(logged).doesNotContain(CLIENT_SECRET);
        assertThat(String.join("\n", bodies)).doesNotContain(CLIENT_SECRET);
        for (String token : tokens) {
            assertThat(logged).doesNotContain(token);
            assertThat(String.join("\n", bodies)).doesNotContain(token);
        }
    }

    @Test
    void without_bikeep_credentials_the_routes_say_the_integration_is_off() throws Exception {
        startGateway(false);

        AdminHttp.Reply reply = admin("GET", "/bikeep/locations", null);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error()).isEqualTo("INVALID_STATE");
        assertThat(reply.body().get("details").get("setting").asText()).isEqualTo("HARBOR_BIKEEP_CLIENT_ID");
        assertThat(sim.requests()).isEmpty();
    }
}
