package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.locker.OpenResult;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ReasonCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockerRoutesTest extends ApiTest {

    @Test
    void listing_shows_every_locker_with_its_type_and_flags() {
        JsonNode lockers = client.get("/lockers").json();
        assertThat(lockers).hasSize(4);
        JsonNode first = lockers.get(0);
        assertThat(first.get("lockerId").asLong()).isEqualTo(1);
        assertThat(first.get("controllerId").asLong()).isEqualTo(1);
        assertThat(first.get("bankLockerNumber").asInt()).isEqualTo(1);
        assertThat(first.at("/lockerType/slug").asText()).isEqualTo("small");
        assertThat(first.get("state").asText()).isEqualTo("UNLOCKED");
        assertThat(first.get("stateChangedAt").asText()).isEqualTo("2026-02-20T22:56:40.000Z");
        assertThat(first.get("stateTimeoutAt").isNull()).isTrue();
        assertThat(first.get("transactionId").isNull()).isTrue();
        assertThat(first.get("available").asBoolean()).isTrue();
        assertThat(first.get("operational").asBoolean()).isTrue();
        assertThat(first.get("outOfService").asBoolean()).isFalse();
        assertThat(first.get("doorOpen").isNull()).isTrue();
    }

    @Test
    void listing_filters_by_availability_type_and_controller() {
        client.post("/transactions", "{\"transactionId\": \"t\"}");
        assertThat(client.get("/lockers?available=true").json()).hasSize(3);
        assertThat(client.get("/lockers?available=false").json()).hasSize(1);
        assertThat(client.get("/lockers?lockerType=medium").json()).hasSize(2);
        assertThat(client.get("/lockers?controllerId=2").json()).hasSize(2);
        assertThat(client.get("/lockers?controllerId=2&lockerType=medium&available=true")
                        .json())
                .hasSize(1);
        assertThat(client.get("/lockers?lockerType=unknown-type").json()).isEmpty();
    }

    @Test
    void a_locker_of_an_offline_controller_is_not_operational_nor_available() {
        gateway.online.put(ControllerId.of(2), false);
        JsonNode locker = client.get("/lockers/3").json();
        assertThat(locker.get("operational").asBoolean()).isFalse();
        assertThat(locker.get("available").asBoolean()).isFalse();
    }

    @Test
    void the_config_shows_the_whole_physical_layout() {
        gateway.online.put(ControllerId.of(2), false);
        JsonNode controllers = client.get("/lockers/config").json().get("controllers");
        assertThat(controllers).hasSize(2);
        JsonNode first = controllers.get(0);
        assertThat(first.get("name").asText()).isEqualTo("Tower 1");
        assertThat(first.get("protocol").asText()).isEqualTo("kerong-cu16");
        assertThat(first.get("bankTypeId").asLong()).isEqualTo(1);
        assertThat(first.get("online").asBoolean()).isTrue();
        assertThat(first.get("lockers")).hasSize(2);
        assertThat(first.at("/lockers/1/lockerType/slug").asText()).isEqualTo("medium");
        assertThat(controllers.get(1).get("bankTypeId").isNull()).isTrue();
        assertThat(controllers.get(1).get("lastSeenAt").isNull()).isTrue();
    }

    @Test
    void getting_an_unknown_locker_is_404() {
        ApiClient.Reply reply = client.get("/lockers/42").error(404, "LOCKER_NOT_FOUND");
        assertThat(reply.json().get("message").asText()).isEqualTo("Locker 42 does not exist");
        assertThat(reply.json().at("/details/lockerId").asText()).isEqualTo("42");
    }

    @Test
    void taking_a_locker_out_of_service_keeps_it_but_makes_it_unavailable() {
        JsonNode reply = client.adminPatch(
                        "/lockers/2",
                        "{\"outOfService\": true, \"reasonCode\": \"MANUAL_DISABLE\", \"reason\": \"hinge broken\"}")
                .json();
        assertThat(reply.get("success").asBoolean()).isTrue();
        JsonNode locker = client.get("/lockers/2").json();
        assertThat(locker.get("outOfService").asBoolean()).isTrue();
        assertThat(locker.get("available").asBoolean()).isFalse();
        assertThat(locker.get("reasonCode").asText()).isEqualTo("MANUAL_DISABLE");
        assertThat(locker.get("reason").asText()).isEqualTo("hinge broken");
        assertThat(gateway.lastActor).isEqualTo(Actor.admin("admin"));
    }

    @Test
    void putting_a_locker_back_in_service_clears_the_reason_when_absent() {
        client.adminPatch("/lockers/2", "{\"outOfService\": true, \"reasonCode\": \"VANDALISM\"}");
        client.adminPatch("/lockers/2", "{\"outOfService\": false}");
        JsonNode locker = client.get("/lockers/2").json();
        assertThat(locker.get("outOfService").asBoolean()).isFalse();
        assertThat(locker.get("reasonCode").isNull()).isTrue();
        assertThat(gateway.lockers.get(LockerId.of(2)).service().reasonCode()).isNull();
    }

    @Test
    void a_reason_of_more_than_500_characters_is_refused() {
        client.adminPatch(
                        "/lockers/2",
                        "{\"outOfService\": true, \"reasonCode\": \"OTHER\", \"reason\": \"" + "r".repeat(501) + "\"}")
                .error(400, "INVALID_REQUEST");
        assertThat(gateway.lockers.get(LockerId.of(2)).service().outOfService()).isFalse();
    }

    @Test
    void every_reason_code_of_the_contract_is_accepted_but_the_one_the_bikeep_sync_sets() {
        for (ReasonCode code : ReasonCode.values()) {
            if (code != ReasonCode.DEVICE_REMOVED) {
                assertThat(client.adminPatch("/lockers/1", "{\"outOfService\": true, \"reasonCode\": \"" + code + "\"}")
                                .status())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void an_operator_cannot_mark_a_locker_device_removed() {
        ApiClient.Reply reply = client.adminPatch(
                        "/lockers/1", "{\"outOfService\": true, \"reasonCode\": \"DEVICE_REMOVED\"}")
                .error(400, "INVALID_REQUEST");
        assertThat(reply.json().get("message").asText()).contains("Bikeep sync").doesNotContain(", DEVICE_REMOVED");
        assertThat(gateway.lockers.get(LockerId.of(1)).service().outOfService()).isFalse();
    }

    // --- external lockers (Bikeep devices)

    @Test
    void an_external_locker_shows_its_device_and_the_devices_own_state() {
        gateway.addBikeepLocation();
        JsonNode locker = client.get("/lockers/5").json();
        assertThat(locker.get("controllerId").asLong()).isEqualTo(3);
        assertThat(locker.at("/external/system").asText()).isEqualTo("bikeep");
        assertThat(locker.at("/external/deviceId").asText()).isEqualTo("dev-1");
        assertThat(locker.at("/external/alias").asText()).isEqualTo("1");
        assertThat(locker.at("/external/code").asText()).isEqualTo("123456");
        assertThat(locker.get("state").asText()).isEqualTo("LOCKED");
        assertThat(locker.get("stateChangedAt").asText()).isEqualTo("2026-02-20T22:56:45.000Z");
        assertThat(locker.get("stateTimeoutAt").asText()).isEqualTo("2026-02-20T23:56:40.000Z");
        assertThat(locker.get("transactionId").asText()).isEqualTo("ride-7");
        assertThat(locker.get("doorOpen").isNull()).isTrue();
        assertThat(locker.at("/lockerType/slug").asText()).isEqualTo("bike-locker");
        assertThat(locker.get("available").asBoolean()).isFalse();
    }

    @Test
    void an_external_locker_never_shows_a_door_sensor_reading() {
        gateway.addBikeepLocation();
        gateway.lockers.computeIfPresent(LockerId.of(5), (k, l) -> l.withDoorOpen(true));
        assertThat(client.get("/lockers/5").json().get("doorOpen").isNull()).isTrue();
    }

    @Test
    void a_locker_whose_device_is_gone_upstream_shows_device_removed_and_its_own_state() {
        gateway.addBikeepLocation();
        JsonNode locker = client.get("/lockers/6").json();
        assertThat(locker.get("outOfService").asBoolean()).isTrue();
        assertThat(locker.get("reasonCode").asText()).isEqualTo("DEVICE_REMOVED");
        assertThat(locker.get("state").asText()).isEqualTo("UNLOCKED");
        assertThat(locker.at("/external/alias").isNull()).isTrue();
        assertThat(locker.get("available").asBoolean()).isFalse();
    }

    @Test
    void a_locker_behind_our_own_boards_has_no_external_device() {
        gateway.addBikeepLocation();
        JsonNode lockers = client.get("/lockers").json();
        assertThat(lockers).hasSize(6);
        assertThat(lockers.get(0).get("external").isNull()).isTrue();
        assertThat(lockers.get(4).get("external").isObject()).isTrue();
    }

    @Test
    void the_config_shows_a_bikeep_location_with_its_lockers() {
        gateway.addBikeepLocation();
        JsonNode location = client.get("/lockers/config").json().at("/controllers/2");
        assertThat(location.get("protocol").asText()).isEqualTo("bikeep");
        assertThat(location.get("bankTypeId").isNull()).isTrue();
        assertThat(location.get("lockerCount").asInt()).isEqualTo(2);
        assertThat(location.get("lockers")).hasSize(2);
    }

    @Test
    void a_maintenance_open_of_a_busy_device_is_409_invalid_state() {
        gateway.opening = id -> new OpenResult.Busy(id, "Device 5 is LOCKING: a command is in flight");
        ApiClient.Reply reply = client.post("/lockers/3/open").error(409, "INVALID_STATE");
        assertThat(reply.json().get("message").asText()).isEqualTo("Device 5 is LOCKING: a command is in flight");
        assertThat(reply.json().at("/details/lockerId").asText()).isEqualTo("3");
    }

    @Test
    void a_maintenance_open_that_bikeep_refused_carries_its_reason() {
        gateway.opening = id -> new OpenResult.HardwareFault(
                id, "force-unlock ended in ERROR", 1, new OpenResult.RemoteFailure("LOCK_JAMMED", null));
        ApiClient.Reply reply = client.post("/lockers/3/open").error(500, "HARDWARE_FAULT");
        assertThat(reply.json().at("/details/reason").asText()).isEqualTo("LOCK_JAMMED");
        assertThat(reply.json().at("/details/bikeepCorrelationId").isMissingNode())
                .isTrue();
    }

    @Test
    void a_maintenance_open_bikeep_could_not_serve_carries_its_correlation_id() {
        gateway.opening = id -> new OpenResult.ControllerUnavailable(
                id,
                "Bikeep cannot be reached",
                1,
                new OpenResult.RemoteFailure(
                        null, new RemoteProblem(RemoteProblem.Kind.UNAVAILABLE, Optional.of("corr-42"))));
        ApiClient.Reply reply = client.post("/lockers/3/open").error(503, "CONTROLLER_UNAVAILABLE");
        assertThat(reply.json().at("/details/bikeepCorrelationId").asText()).isEqualTo("corr-42");
        assertThat(reply.json().at("/details/reason").isMissingNode()).isTrue();
        assertThat(reply.json().at("/details/lockerId").asText()).isEqualTo("3");
    }

    @Test
    void a_failed_open_of_our_own_board_carries_no_remote_details() {
        gateway.opening = id -> new OpenResult.ControllerUnavailable(id, "No answer", 3);
        JsonNode details = client.post("/lockers/3/open")
                .error(503, "CONTROLLER_UNAVAILABLE")
                .json()
                .get("details");
        assertThat(details.has("reason")).isFalse();
        assertThat(details.has("bikeepCorrelationId")).isFalse();
    }

    @Test
    void a_busy_device_in_open_all_counts_as_failed_with_its_message() {
        gateway.opening = id -> id.value() == 2
                ? new OpenResult.Busy(id, "Device is UNLOCKING: a command is in flight")
                : new OpenResult.Opened(id, true, 1);
        ApiClient.Reply reply = client.adminPost("/lockers/open-all");
        assertThat(reply.status()).isEqualTo(207);
        JsonNode report = reply.json();
        assertThat(report.get("failed").asInt()).isEqualTo(1);
        assertThat(report.at("/results/1/success").asBoolean()).isFalse();
        assertThat(report.at("/results/1/lockerId").asLong()).isEqualTo(2);
        assertThat(report.at("/results/1/message").asText()).isEqualTo("Device is UNLOCKING: a command is in flight");
    }

    @Test
    void changing_the_service_state_of_an_unknown_locker_is_404() {
        client.adminPatch("/lockers/42", "{\"outOfService\": false}").error(404, "LOCKER_NOT_FOUND");
    }

    @Test
    void a_maintenance_open_opens_the_door_as_the_client_at_its_address() {
        JsonNode opened = client.post("/lockers/3/open").json();
        assertThat(opened.get("success").asBoolean()).isTrue();
        assertThat(opened.get("lockerId").asLong()).isEqualTo(3);
        assertThat(opened.get("message").asText()).isEqualTo("Locker opened");
        assertThat(gateway.lastActor).isEqualTo(Actor.client("127.0.0.1"));
    }

    @Test
    void a_maintenance_open_with_an_unknown_door_sensor_reports_door_open_null() {
        gateway.opening = id -> new OpenResult.Opened(id, null, 2);
        assertThat(client.post("/lockers/3/open").json().get("doorOpen").isNull())
                .isTrue();
    }

    @Test
    void a_maintenance_open_of_an_unknown_locker_is_404() {
        client.post("/lockers/42/open").error(404, "LOCKER_NOT_FOUND");
    }

    @Test
    void a_maintenance_open_that_the_lock_refuses_is_500_hardware_fault() {
        gateway.opening = id -> new OpenResult.HardwareFault(id, "Door sensor still closed", 1);
        ApiClient.Reply reply = client.post("/lockers/3/open").error(500, "HARDWARE_FAULT");
        assertThat(reply.json().get("message").asText()).isEqualTo("Door sensor still closed");
    }

    @Test
    void a_maintenance_open_without_an_answer_is_503_controller_unavailable() {
        gateway.opening = id -> new OpenResult.ControllerUnavailable(id, "No answer after 3 attempts", 3);
        client.post("/lockers/3/open").error(503, "CONTROLLER_UNAVAILABLE");
    }

    @Test
    void a_transaction_not_found_result_of_a_maintenance_open_is_404() {
        gateway.opening = id -> new OpenResult.TransactionNotFound();
        client.post("/lockers/3/open").error(404, "TRANSACTION_NOT_FOUND");
    }

    @Test
    void opening_all_lockers_answers_200_when_every_door_opened() {
        JsonNode report = client.adminPost("/lockers/open-all").json();
        assertThat(report.get("success").asBoolean()).isTrue();
        assertThat(report.get("total").asInt()).isEqualTo(4);
        assertThat(report.get("succeeded").asInt()).isEqualTo(4);
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("results")).hasSize(4);
    }

    @Test
    void opening_all_lockers_answers_207_when_some_failed() {
        gateway.opening = id -> switch ((int) id.value()) {
            case 2 -> new OpenResult.HardwareFault(id, "Lock did not release", 1);
            case 4 -> new OpenResult.ControllerUnavailable(id, "No answer", 3);
            default -> new OpenResult.Opened(id, true, 1);
        };
        ApiClient.Reply reply = client.adminPost("/lockers/open-all");
        assertThat(reply.status()).isEqualTo(207);
        JsonNode report = reply.json();
        assertThat(report.get("success").asBoolean()).isFalse();
        assertThat(report.get("succeeded").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isEqualTo(2);
        assertThat(report.at("/results/1/success").asBoolean()).isFalse();
        assertThat(report.at("/results/1/message").asText()).isEqualTo("Lock did not release");
        assertThat(report.at("/results/3/lockerId").asLong()).isEqualTo(4);
    }

    @Test
    void opening_all_lockers_of_an_empty_gateway_is_a_success_with_no_results() {
        gateway.lockers.clear();
        JsonNode report = client.adminPost("/lockers/open-all").json();
        assertThat(report.get("total").asInt()).isZero();
        assertThat(report.get("success").asBoolean()).isTrue();
    }

    @Test
    void an_open_all_result_that_cannot_come_from_opening_is_an_internal_error() {
        gateway.opening = id -> new OpenResult.LockerNotFound();
        client.adminPost("/lockers/open-all").error(500, "INTERNAL_ERROR");
    }
}
