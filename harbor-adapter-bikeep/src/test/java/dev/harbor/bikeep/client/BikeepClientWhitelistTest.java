package dev.harbor.bikeep.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BikeepClientWhitelistTest {

    private static final String JOHN = "04a2b3c4d5e6f7";
    private static final String JANE = "04b3c4d5e6f7a8";
    private static final String BLOCKED = "04c4d5e6f7a8b9";

    private BikeepSimulator sim;
    private String location;
    private String whitelist;
    private BikeepClient client;

    @BeforeEach
    void start() {
        sim = BikeepSimulator.start(Simulated.settings());
        location = sim.addLocation("BIKE_LOCKERS", "Office A", 2);
        whitelist = sim.addWhitelist(location, "Staff");
        client = Simulated.client(sim).build();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void a_locations_whitelists_are_listed() {
        assertThat(client.whitelists(location))
                .singleElement()
                .satisfies(w -> assertThat(w.id()).isEqualTo(whitelist))
                .satisfies(w -> assertThat(w.name()).isEqualTo("Staff"));
    }

    @Test
    void added_cards_are_listed_and_a_removed_card_is_gone() {
        Instant expires = Instant.parse("2026-06-30T23:59:59Z");

        EntityChangeResult added = client.addEntities(
                whitelist,
                List.of(
                        WhitelistEntity.activeRfid(JOHN, "Employee badge - John"),
                        WhitelistEntity.rfid(JANE, "ACTIVE", expires, "Contractor badge - Jane (temp)")));

        assertThat(added.applied()).containsExactly(JOHN, JANE);
        assertThat(added.allApplied()).isTrue();
        assertThat(client.whitelistEntities(whitelist))
                .extracting(WhitelistEntity::id, WhitelistEntity::idType, WhitelistEntity::expiresAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(JOHN, "rfid", null),
                        org.assertj.core.groups.Tuple.tuple(JANE, "rfid", expires));

        EntityChangeResult removed = client.removeEntities(whitelist, List.of(JOHN));

        assertThat(removed.applied()).containsExactly(JOHN);
        assertThat(client.whitelistEntities(whitelist))
                .extracting(WhitelistEntity::id)
                .containsExactly(JANE);
    }

    @Test
    void a_remove_sends_only_the_id_and_its_type() throws Exception {
        client.addEntities(whitelist, List.of(WhitelistEntity.activeRfid(JOHN, "badge")));

        client.removeEntities(whitelist, List.of(JOHN));

        String body = sim.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/entities"))
                .reduce((first, second) -> second)
                .orElseThrow()
                .body();
        JsonNode sent = new ObjectMapper().readTree(body);
        assertThat(sent.path("operation").asText()).isEqualTo("REMOVE");
        assertThat(sent.path("entities")).hasSize(1);
        JsonNode item = sent.path("entities").get(0);
        assertThat(item.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "id_type");
        assertThat(item.path("id").asText()).isEqualTo(JOHN);
        assertThat(item.path("id_type").asText()).isEqualTo("rfid");
    }

    @Test
    void cards_bikeep_refuses_come_back_as_failures_and_the_others_stay_applied() {
        sim.failCards(whitelist, Set.of(BLOCKED), "card is blocked");

        EntityChangeResult result = client.addEntities(
                whitelist,
                List.of(
                        WhitelistEntity.activeRfid(JOHN, null),
                        WhitelistEntity.activeRfid(BLOCKED, null),
                        WhitelistEntity.activeRfid(JANE, null)));

        assertThat(result.applied()).containsExactly(JOHN, JANE);
        assertThat(result.failed())
                .singleElement()
                .satisfies(f -> assertThat(f.id()).isEqualTo(BLOCKED))
                .satisfies(f -> assertThat(f.message()).contains("card is blocked"));
        assertThat(client.whitelistEntities(whitelist))
                .extracting(WhitelistEntity::id)
                .containsExactlyInAnyOrder(JOHN, JANE);
    }

    @Test
    void a_partial_failure_is_logged_once_at_warn_with_bikeeps_correlation_id() {
        sim.failCards(whitelist, Set.of(BLOCKED), "card is blocked");

        List<String> warnings;
        try (LogCapture logs = new LogCapture()) {
            client.addEntities(
                    whitelist,
                    List.of(WhitelistEntity.activeRfid(JOHN, null), WhitelistEntity.activeRfid(BLOCKED, null)));
            warnings = logs.lines(ch.qos.logback.classic.Level.WARN);
        }

        assertThat(warnings)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("refused 1 of 2 items")
                        .containsPattern("correlation_id=[0-9A-Za-z-]{8,}")
                        .doesNotContain("correlation_id=none"));
    }
}
