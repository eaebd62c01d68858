package dev.harbor.bikeep.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whitelists and their RFID entities, with the seed's upsert and per-item failures. */
class SimulatorWhitelistTest {

    private BikeepSimulator sim;
    private BikeepHttp http;
    private String location;
    private String whitelist;

    @BeforeEach
    void start() {
        sim = BikeepSimulator.start(BikeepSimulator.Settings.defaults());
        location = sim.addLocation("BIKE_LOCKERS", "Office A", 2);
        whitelist = sim.addWhitelist(location, "Staff");
        http = new BikeepHttp(sim.baseUri()).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private BikeepHttp.Answer entities(String json) {
        return http.post("/whitelist/v1/whitelists/" + whitelist + "/entities", json);
    }

    @Test
    void a_locations_whitelists_are_listed_with_id_name_and_description() {
        JsonNode data = http.get("/whitelist/v1/locations/" + location + "/whitelists")
                .json()
                .get("data");

        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("id").asText()).isEqualTo(whitelist);
        assertThat(data.get(0).get("name").asText()).isEqualTo("Staff");
        assertThat(data.get(0).has("description")).isTrue();
    }

    @Test
    void adding_an_existing_card_replaces_it() {
        entities("{\"operation\":\"ADD\",\"entities\":[{\"id\":\"04a2b3c4d5e6f7\",\"id_type\":\"rfid\","
                + "\"status\":\"ACTIVE\",\"comment\":\"John\"}]}");

        BikeepHttp.Answer again = entities("{\"operation\":\"ADD\",\"entities\":[{\"id\":\"04a2b3c4d5e6f7\","
                + "\"id_type\":\"rfid\",\"status\":\"INACTIVE\",\"expires_at\":\"2026-06-30T23:59:59Z\"}]}");

        assertThat(again.status()).isEqualTo(200);
        JsonNode cards = http.get("/whitelist/v1/whitelists/" + whitelist + "/entities")
                .json()
                .get("data");
        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).get("status").asText()).isEqualTo("INACTIVE");
        assertThat(cards.get(0).get("expires_at").asText()).isEqualTo("2026-06-30T23:59:59Z");
        assertThat(cards.get(0).get("comment").isNull()).isTrue();
        assertThat(cards.get(0).get("id_type").asText()).isEqualTo("rfid");
    }

    @Test
    void remove_takes_the_card_off_the_whitelist() {
        entities("{\"operation\":\"ADD\",\"entities\":[{\"id\":\"04a2\",\"id_type\":\"rfid\",\"status\":\"ACTIVE\"},"
                + "{\"id\":\"04b3\",\"id_type\":\"rfid\",\"status\":\"ACTIVE\"}]}");

        assertThat(entities("{\"operation\":\"REMOVE\",\"entities\":[{\"id\":\"04a2\",\"id_type\":\"rfid\"}]}")
                        .status())
                .isEqualTo(200);

        assertThat(sim.cards(whitelist)).isEqualTo(Map.of("04b3", "ACTIVE"));
    }

    @Test
    void failed_items_answer_400_naming_only_them_while_the_others_stay_applied() {
        sim.failCards(whitelist, Set.of("04bad0"), "card rejected");

        BikeepHttp.Answer answer = entities("{\"operation\":\"ADD\",\"entities\":["
                + "{\"id\":\"04a2\",\"id_type\":\"rfid\",\"status\":\"ACTIVE\"},"
                + "{\"id\":\"04bad0\",\"id_type\":\"rfid\",\"status\":\"ACTIVE\"},"
                + "{\"id\":\"04:C3\",\"id_type\":\"rfid\",\"status\":\"ACTIVE\"},"
                + "{\"id\":\"04d4\",\"id_type\":\"rfid\",\"status\":\"ACTIVE\"}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("status_code").asInt()).isEqualTo(400);
        assertThat(answer.json().get("correlation_id").asText()).isNotBlank();
        JsonNode failed = answer.json().get("error_results");
        assertThat(failed.findValuesAsText("id")).containsExactly("04bad0", "04:C3");
        assertThat(failed.get(0).get("error_message").asText()).isEqualTo("card rejected");
        assertThat(failed.get(1).get("error_message").asText()).contains("hexadecimal");
        assertThat(sim.cards(whitelist)).containsOnlyKeys("04a2", "04d4");
    }

    @Test
    void a_wrong_operation_or_no_entities_refuses_the_whole_request() {
        assertThat(entities("{\"operation\":\"UPSERT\",\"entities\":[{\"id\":\"04a2\",\"id_type\":\"rfid\"}]}")
                        .status())
                .isEqualTo(400);
        assertThat(entities("{\"operation\":\"ADD\",\"entities\":[]}").status()).isEqualTo(400);
        assertThat(http.get("/whitelist/v1/whitelists/nope/entities").status()).isEqualTo(404);
        assertThat(sim.cards(whitelist)).isEmpty();
    }
}
