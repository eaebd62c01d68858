package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.allowlist.ChangeAllowlistCards;
import dev.harbor.application.allowlist.ChangeAllowlistCards.ChangeResult;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code /bikeep/locations}, {@code /bikeep/locations/{id}/allowlists}, {@code /bikeep/allowlists/{id}/cards}. */
class RemoteSiteRoutesTest extends ApiTest {

    private static final String CARDS = "/bikeep/allowlists/" + FakeAllowlists.ALLOWLIST + "/cards";

    private ApiClient.Reply adminGet(String path) {
        return client.send("GET", path, HttpRequest.BodyPublishers.noBody(), "Authorization", ApiClient.ADMIN_BASIC);
    }

    private ApiClient.Reply adminPost(String path, String json) {
        return client.send(
                "POST",
                path,
                HttpRequest.BodyPublishers.ofString(json),
                "Content-Type",
                "application/json",
                "Authorization",
                ApiClient.ADMIN_BASIC);
    }

    @Test
    void every_route_needs_admin_credentials() {
        client.get("/bikeep/locations").error(401, "UNAUTHORIZED");
        client.get("/bikeep/locations/" + FakeAllowlists.LOCATION + "/allowlists")
                .error(401, "UNAUTHORIZED");
        client.get(CARDS).error(401, "UNAUTHORIZED");
        client.post(CARDS, "{\"operation\":\"ADD\",\"cards\":[{\"cardId\":\"04a2\"}]}")
                .error(401, "UNAUTHORIZED");

        assertThat(admin.allowlists.changes).isEmpty();
    }

    @Test
    void locations_are_listed_with_their_device_counts_and_no_controller() {
        JsonNode location = adminGet("/bikeep/locations").json().get(0);

        assertThat(location.get("locationId").asText()).isEqualTo(FakeAllowlists.LOCATION);
        assertThat(location.get("type").asText()).isEqualTo("BIKE_LOCKERS");
        assertThat(location.get("devices").get("available").asInt()).isEqualTo(3);
        assertThat(location.get("controllerId").isNull()).isTrue();
    }

    @Test
    void allowlists_and_cards_are_listed() {
        JsonNode allowlist = adminGet("/bikeep/locations/" + FakeAllowlists.LOCATION + "/allowlists")
                .json()
                .get(0);
        JsonNode cards = adminGet(CARDS).json();

        assertThat(allowlist.get("allowlistId").asText()).isEqualTo(FakeAllowlists.ALLOWLIST);
        assertThat(allowlist.get("description").isNull()).isTrue();
        assertThat(cards).hasSize(2);
        assertThat(cards.get(1).get("expiresAt").asText()).isEqualTo("2026-06-30T23:59:59.000Z");
    }

    @Test
    void an_add_sends_the_normalized_cards_as_the_admin_and_answers_200() {
        ApiClient.Reply reply = adminPost(CARDS, """
                {"operation":"ADD","cards":[
                  {"cardId":"04:A2:B3:C4:D5:E6:F7","status":"ACTIVE","expiresAt":"2026-06-30T23:59:59Z","comment":"John"},
                  {"cardId":"04-b3-c4"}]}
                """);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("applied"))
                .extracting(JsonNode::asText)
                .containsExactly("04a2b3c4d5e6f7", "04b3c4");
        assertThat(reply.json().get("failed")).isEmpty();
        ChangeAllowlistCards.ChangeCardsCommand sent = admin.allowlists.changes.get(0);
        assertThat(sent.operation()).isEqualTo(ChangeAllowlistCards.Operation.ADD);
        assertThat(sent.allowlistId()).isEqualTo(FakeAllowlists.ALLOWLIST);
        assertThat(sent.cards().get(0).comment()).isEqualTo("John");
        assertThat(admin.allowlists.lastActor.name()).isEqualTo("admin:admin");
    }

    @Test
    void a_partial_failure_is_207_naming_the_refused_cards() {
        admin.allowlists.changeResult = new ChangeResult.Changed(
                List.of("0a0a"), List.of(new ChangeAllowlistCards.Refused("0b0b", "card is blocked")));

        ApiClient.Reply reply =
                adminPost(CARDS, "{\"operation\":\"REMOVE\",\"cards\":[{\"cardId\":\"0a0a\"},{\"cardId\":\"0b0b\"}]}");

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.json().get("failed").get(0).get("cardId").asText()).isEqualTo("0b0b");
        assertThat(reply.json().get("failed").get(0).get("message").asText()).isEqualTo("card is blocked");
    }

    @Test
    void bad_cards_are_400_naming_every_one_and_nothing_is_sent() {
        ApiClient.Reply reply = adminPost(
                        CARDS,
                        "{\"operation\":\"ADD\",\"cards\":[{\"cardId\":\"04a2\"},{\"cardId\":\"04a\"},"
                                + "{\"cardId\":\"zz:zz\"},{\"cardId\":\"04:A2\"}]}")
                .error(400, "INVALID_REQUEST");

        JsonNode details = reply.json().get("details");
        assertThat(details.get("field").asText()).isEqualTo("cards[1].cardId");
        assertThat(details.has("cards[1].cardId")).isTrue();
        assertThat(details.has("cards[2].cardId")).isTrue();
        assertThat(details.get("cards[3].cardId").asText()).contains("same card as cards[0]");
        assertThat(details.has("cards[0].cardId")).isFalse();
        assertThat(admin.allowlists.changes).isEmpty();
    }

    @Test
    void more_than_500_cards_or_none_or_no_operation_are_400() {
        String many = IntStream.range(0, 501)
                .mapToObj(i -> "{\"cardId\":\"" + String.format("%04x", i) + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        adminPost(CARDS, "{\"operation\":\"ADD\",\"cards\":" + many + "}").error(400, "INVALID_REQUEST");
        adminPost(CARDS, "{\"operation\":\"ADD\",\"cards\":[]}").error(400, "INVALID_REQUEST");
        adminPost(CARDS, "{\"cards\":[{\"cardId\":\"0a0a\"}]}").error(400, "INVALID_REQUEST");
        adminPost(CARDS, "{\"operation\":\"MOVE\",\"cards\":[{\"cardId\":\"0a0a\"}]}")
                .error(400, "INVALID_REQUEST");
        adminPost(CARDS, "{\"operation\":\"ADD\",\"cards\":[{\"cardId\":\"0a0a\",\"colour\":\"red\"}]}")
                .error(400, "INVALID_REQUEST");

        assertThat(admin.allowlists.changes).isEmpty();
    }

    @Test
    void with_the_integration_off_every_route_is_409_naming_the_setting() {
        admin.allowlists.off = true;

        ApiClient.Reply reply = adminGet("/bikeep/locations").error(409, "INVALID_STATE");
        adminGet("/bikeep/locations/x/allowlists").error(409, "INVALID_STATE");
        adminGet(CARDS).error(409, "INVALID_STATE");
        adminPost(CARDS, "{\"operation\":\"ADD\",\"cards\":[{\"cardId\":\"0a0a\"}]}")
                .error(409, "INVALID_STATE");

        assertThat(reply.json().get("details").get("setting").asText()).isEqualTo("HARBOR_BIKEEP_CLIENT_ID");
    }

    @Test
    void bikeep_unreachable_is_503_with_its_correlation_id() {
        admin.allowlists.readProblem = new RemoteProblem(RemoteProblem.Kind.UNAVAILABLE, Optional.of("corr-1"));
        admin.allowlists.changeResult =
                new ChangeResult.Failed(new RemoteProblem(RemoteProblem.Kind.UNAVAILABLE, Optional.empty()));

        ApiClient.Reply reply = adminGet("/bikeep/locations").error(503, "CONTROLLER_UNAVAILABLE");
        adminPost(CARDS, "{\"operation\":\"ADD\",\"cards\":[{\"cardId\":\"0a0a\"}]}")
                .error(503, "CONTROLLER_UNAVAILABLE");

        assertThat(reply.json().get("details").get("bikeepCorrelationId").asText())
                .isEqualTo("corr-1");
    }

    @Test
    void what_bikeep_does_not_know_is_404_and_what_it_refuses_is_400() {
        admin.allowlists.readProblem = new RemoteProblem(RemoteProblem.Kind.NOT_FOUND, Optional.of("corr-2"));

        ApiClient.Reply location = adminGet("/bikeep/locations/nope/allowlists").error(404, "LOCATION_NOT_FOUND");
        ApiClient.Reply allowlist = adminGet("/bikeep/allowlists/nope/cards").error(404, "ALLOWLIST_NOT_FOUND");
        admin.allowlists.changeResult =
                new ChangeResult.Failed(new RemoteProblem(RemoteProblem.Kind.REFUSED, Optional.of("corr-3")));
        ApiClient.Reply refused = adminPost(CARDS, "{\"operation\":\"ADD\",\"cards\":[{\"cardId\":\"0a0a\"}]}")
                .error(400, "INVALID_REQUEST");

        assertThat(location.json().get("details").get("locationId").asText()).isEqualTo("nope");
        assertThat(allowlist.json().get("details").get("bikeepCorrelationId").asText())
                .isEqualTo("corr-2");
        assertThat(refused.json().get("details").get("bikeepCorrelationId").asText())
                .isEqualTo("corr-3");
    }
}
