package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.locker.OpenResult;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.ReleaseTransaction;
import dev.harbor.domain.transaction.TransactionId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionRoutesTest extends ApiTest {

    @Test
    void creating_a_transaction_books_a_locker_and_answers_201() {
        JsonNode created = client.post("/transactions", "{\"transactionId\": \"order-1138\"}")
                .json();
        assertThat(created.get("transactionId").asText()).isEqualTo("order-1138");
        assertThat(created.get("lockerId").asLong()).isEqualTo(1);
        assertThat(created.get("lockerType").asText()).isEqualTo("small");
        assertThat(created.get("createdAt").asText()).isEqualTo("2026-02-20T22:56:41.000Z");
        assertThat(created.get("openCount").asInt()).isZero();
        assertThat(client.get("/lockers/1").json().get("state").asText()).isEqualTo("BOOKED");
    }

    @Test
    void creating_with_a_locker_type_restricts_the_choice_to_that_type() {
        ApiClient.Reply reply =
                client.post("/transactions", "{\"transactionId\": \"o-2\", \"lockerType\": \"medium\"}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("lockerType").asText()).isEqualTo("medium");
    }

    @Test
    void creating_the_same_transaction_twice_returns_the_existing_one_with_409() {
        JsonNode first =
                client.post("/transactions", "{\"transactionId\": \"order-1\"}").json();
        ApiClient.Reply again =
                client.post("/transactions", "{\"transactionId\": \"order-1\", \"lockerType\": \"medium\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json()).isEqualTo(first);
    }

    @Test
    void creating_when_no_locker_is_free_is_503_no_available_lockers() {
        for (int i = 0; i < 4; i++) {
            assertThat(client.post("/transactions", "{\"transactionId\": \"t" + i + "\"}")
                            .status())
                    .isEqualTo(201);
        }
        client.post("/transactions", "{\"transactionId\": \"t-late\"}").error(503, "NO_AVAILABLE_LOCKERS");
    }

    @Test
    void creating_with_an_unknown_locker_type_is_an_invalid_request() {
        ApiClient.Reply reply = client.post("/transactions", "{\"transactionId\": \"a\", \"lockerType\": \"huge\"}")
                .error(400, "INVALID_REQUEST");
        assertThat(reply.json().at("/details/lockerType").asText()).isEqualTo("huge");
    }

    @Test
    void a_transaction_id_of_a_forbidden_shape_is_refused_before_the_use_case() {
        client.post("/transactions", "{\"transactionId\": \"\"}").error(400, "INVALID_REQUEST");
        client.post("/transactions", "{\"transactionId\": \"has space\"}").error(400, "INVALID_REQUEST");
        client.post("/transactions", "{\"transactionId\": \"" + "a".repeat(65) + "\"}")
                .error(400, "INVALID_REQUEST");
        assertThat(gateway.transactions).isEmpty();
    }

    @Test
    void listing_shows_active_transactions_oldest_first() {
        client.post("/transactions", "{\"transactionId\": \"first\"}");
        client.post("/transactions", "{\"transactionId\": \"second\"}");
        JsonNode list = client.get("/transactions").json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("transactionId").asText()).isEqualTo("first");
        assertThat(list.get(1).get("transactionId").asText()).isEqualTo("second");
    }

    @Test
    void getting_a_transaction_returns_it() {
        client.post("/transactions", "{\"transactionId\": \"a.b:c_d-1\"}");
        assertThat(client.get("/transactions/a.b:c_d-1").json().get("lockerId").asLong())
                .isEqualTo(1);
    }

    @Test
    void getting_an_unknown_transaction_is_404() {
        ApiClient.Reply reply = client.get("/transactions/ghost").error(404, "TRANSACTION_NOT_FOUND");
        assertThat(reply.json().at("/details/transactionId").asText()).isEqualTo("ghost");
    }

    @Test
    void releasing_frees_the_locker_and_answers_204() {
        client.post("/transactions", "{\"transactionId\": \"bye\"}");
        ApiClient.Reply reply = client.delete("/transactions/bye");
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(client.get("/lockers/1").json().get("available").asBoolean()).isTrue();
        client.get("/transactions/bye").error(404, "TRANSACTION_NOT_FOUND");
    }

    @Test
    void releasing_an_unknown_transaction_is_404() {
        client.delete("/transactions/ghost").error(404, "TRANSACTION_NOT_FOUND");
    }

    @Test
    void a_release_the_remote_device_refused_is_503_and_keeps_the_transaction() {
        client.post("/transactions", "{\"transactionId\": \"ride-7\"}");
        gateway.releaseOverride = new ReleaseTransaction.Outcome.ControllerUnavailable(
                "cancel-booking ended in ERROR",
                "DEVICE_OFFLINE",
                new RemoteProblem(RemoteProblem.Kind.UNAVAILABLE, Optional.of("corr-7")));
        ApiClient.Reply reply = client.delete("/transactions/ride-7").error(503, "CONTROLLER_UNAVAILABLE");
        assertThat(reply.json().get("message").asText())
                .startsWith("cancel-booking ended in ERROR")
                .contains("transaction is kept");
        assertThat(reply.json().at("/details/transactionId").asText()).isEqualTo("ride-7");
        assertThat(reply.json().at("/details/reason").asText()).isEqualTo("DEVICE_OFFLINE");
        assertThat(reply.json().at("/details/bikeepCorrelationId").asText()).isEqualTo("corr-7");
        assertThat(client.get("/transactions/ride-7").status()).isEqualTo(200);
    }

    @Test
    void a_release_bikeep_could_not_be_asked_for_has_no_reason() {
        gateway.releaseOverride =
                new ReleaseTransaction.Outcome.ControllerUnavailable("Bikeep cannot be reached", null, null);
        JsonNode details = client.delete("/transactions/ride-7")
                .error(503, "CONTROLLER_UNAVAILABLE")
                .json()
                .get("details");
        assertThat(details.has("reason")).isFalse();
        assertThat(details.has("bikeepCorrelationId")).isFalse();
    }

    @Test
    void creating_when_no_remote_device_could_be_booked_is_503_controller_unavailable() {
        gateway.createOverride = new CreateTransaction.Result.ControllerUnavailable("No Bikeep device could be booked");
        ApiClient.Reply reply =
                client.post("/transactions", "{\"transactionId\": \"ride-8\"}").error(503, "CONTROLLER_UNAVAILABLE");
        assertThat(reply.json().get("message").asText()).isEqualTo("No Bikeep device could be booked");
        assertThat(reply.json().at("/details/transactionId").asText()).isEqualTo("ride-8");
    }

    @Test
    void opening_a_transaction_whose_device_is_busy_is_409_invalid_state() {
        client.post("/transactions", "{\"transactionId\": \"busy\"}");
        gateway.opening = id -> new OpenResult.Busy(id, "A command is in flight on the device");
        ApiClient.Reply reply = client.post("/transactions/busy/open").error(409, "INVALID_STATE");
        assertThat(reply.json().get("message").asText()).isEqualTo("A command is in flight on the device");
        assertThat(reply.json().at("/details/transactionId").asText()).isEqualTo("busy");
        assertThat(client.get("/transactions/busy").json().get("openCount").asInt())
                .isZero();
    }

    @Test
    void opening_a_transaction_whose_bikeep_command_failed_carries_reason_and_correlation_id() {
        client.post("/transactions", "{\"transactionId\": \"drop\"}");
        gateway.opening = id -> new OpenResult.HardwareFault(
                id,
                "lock ended in ERROR",
                1,
                new OpenResult.RemoteFailure(
                        "LATCH_FAULT", new RemoteProblem(RemoteProblem.Kind.REFUSED, Optional.of("corr-9"))));
        JsonNode details = client.post("/transactions/drop/open")
                .error(500, "HARDWARE_FAULT")
                .json()
                .get("details");
        assertThat(details.get("reason").asText()).isEqualTo("LATCH_FAULT");
        assertThat(details.get("bikeepCorrelationId").asText()).isEqualTo("corr-9");
        assertThat(details.get("transactionId").asText()).isEqualTo("drop");
    }

    @Test
    void opening_a_transaction_whose_bikeep_device_is_offline_is_503_with_the_reason() {
        client.post("/transactions", "{\"transactionId\": \"far\"}");
        gateway.opening = id -> new OpenResult.ControllerUnavailable(
                id, "lock ended in ERROR", 1, new OpenResult.RemoteFailure("DEVICE_OFFLINE", null));
        ApiClient.Reply reply = client.post("/transactions/far/open").error(503, "CONTROLLER_UNAVAILABLE");
        assertThat(reply.json().at("/details/reason").asText()).isEqualTo("DEVICE_OFFLINE");
    }

    @Test
    void opening_a_transaction_opens_its_locker_and_keeps_the_transaction() {
        client.post("/transactions", "{\"transactionId\": \"pickup\"}");
        JsonNode opened = client.post("/transactions/pickup/open").json();
        assertThat(opened.get("success").asBoolean()).isTrue();
        assertThat(opened.get("lockerId").asLong()).isEqualTo(1);
        assertThat(opened.get("doorOpen").asBoolean()).isTrue();
        assertThat(client.get("/transactions/pickup").json().get("openCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void opening_an_unknown_transaction_is_404() {
        client.post("/transactions/ghost/open").error(404, "TRANSACTION_NOT_FOUND");
    }

    @Test
    void opening_when_the_lock_fails_is_500_hardware_fault() {
        client.post("/transactions", "{\"transactionId\": \"stuck\"}");
        gateway.opening = id -> new OpenResult.HardwareFault(id, "Lock did not release", 1);
        ApiClient.Reply reply = client.post("/transactions/stuck/open").error(500, "HARDWARE_FAULT");
        assertThat(reply.json().at("/details/lockerId").asText()).isEqualTo("1");
        assertThat(reply.json().at("/details/attempts").asText()).isEqualTo("1");
    }

    @Test
    void opening_when_the_board_does_not_answer_is_503_controller_unavailable() {
        client.post("/transactions", "{\"transactionId\": \"silent\"}");
        gateway.opening = id -> new OpenResult.ControllerUnavailable(id, "No answer from the board", 3);
        client.post("/transactions/silent/open").error(503, "CONTROLLER_UNAVAILABLE");
        assertThat(gateway.find(new TransactionId("silent"))).isPresent();
    }

    @Test
    void opening_a_transaction_whose_locker_vanished_is_404_locker_not_found() {
        client.post("/transactions", "{\"transactionId\": \"orphan\"}");
        gateway.opening = id -> new OpenResult.LockerNotFound();
        client.post("/transactions/orphan/open").error(404, "LOCKER_NOT_FOUND");
    }
}
