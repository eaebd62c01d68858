package dev.harbor.bikeep.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands over HTTP, and the device states seen on the way (the seed's API state machine). */
class SimulatorCommandTest {

    private BikeepSimulator sim;
    private BikeepHttp http;
    private String location;
    private String device;

    @BeforeEach
    void start() {
        sim = BikeepSimulator.start(BikeepSimulator.Settings.defaults()
                .withCommandDelays(Duration.ofMillis(80), Duration.ofMillis(120))
                .withCommandTimeout(Duration.ofMillis(400))
                .withLockingWindow(Duration.ofMillis(400)));
        location = sim.addLocation("BIKE_LOCKERS", "Office A", 3);
        device = sim.deviceIds(location).get(0);
        http = new BikeepHttp(sim.baseUri()).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Sends the command and records every device state seen while polling it to its end. */
    private List<String> run(String json, JsonNode[] last) {
        JsonNode command = http.command(device, json);
        List<String> seen = new ArrayList<>();
        seen.add(http.device(device).at("/state/value").asText());
        JsonNode end = http.pollCommand(
                command.get("id").asText(),
                c -> {
                    String s = http.device(device).at("/state/value").asText();
                    if (!s.equals(seen.get(seen.size() - 1))) {
                        seen.add(s);
                    }
                    String v = c.at("/state/value").asText();
                    return v.equals("SUCCESS") || v.equals("ERROR");
                },
                Duration.ofSeconds(3));
        String s = http.device(device).at("/state/value").asText();
        if (!s.equals(seen.get(seen.size() - 1))) {
            seen.add(s);
        }
        last[0] = end;
        return seen;
    }

    @Test
    void a_command_answers_its_record_already_sent_and_is_read_back_by_id() {
        JsonNode command = http.command(device, "{\"command\":\"book\"}");

        assertThat(command.get("name").asText()).isEqualTo("book");
        assertThat(command.at("/state/value").asText()).isEqualTo("SENT");
        assertThat(command.at("/state/timeout_at").asText()).isNotBlank();
        assertThat(command.get("uri").asText())
                .isEqualTo("/device/v1/commands/" + command.get("id").asText());
        assertThat(command.at("/device/id").asText()).isEqualTo(device);
        assertThat(command.at("/device/uri").asText()).isEqualTo("/device/v1/devices/" + device);
        assertThat(command.at("/events/0/name").asText()).isEqualTo("REQUEST_INITIATED");
        JsonNode read =
                http.get("/device/v1/commands/" + command.get("id").asText()).json();
        assertThat(read.get("id")).isEqualTo(command.get("id"));
        JsonNode done = http.awaitCommandState(command.get("id").asText(), "SUCCESS");
        assertThat(done.at("/state/timeout_at").isNull()).isTrue();
    }

    @Test
    void book_goes_sent_received_success_while_the_device_goes_allocated_then_booked_until_timeout_at() {
        Instant until = Instant.now().plusSeconds(600);
        JsonNode[] end = new JsonNode[1];

        List<String> states = run("{\"command\":\"book\",\"timeout_at\":\"" + until + "\"}", end);

        assertThat(states).containsExactly("ALLOCATED", "BOOKED");
        assertThat(end[0].at("/state/value").asText()).isEqualTo("SUCCESS");
        assertThat(end[0].get("events").findValuesAsText("name"))
                .containsExactly("REQUEST_INITIATED", "REQUEST_RECEIVED", "RESPONSE_DEVICE_BOOKED");
        assertThat(Instant.parse(http.device(device).at("/state/timeout_at").asText()))
                .isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void a_booking_without_timeout_at_lasts_an_hour() {
        http.awaitCommandState(
                http.command(device, "{\"command\":\"book\"}").get("id").asText(), "SUCCESS");

        Instant timeout =
                Instant.parse(http.device(device).at("/state/timeout_at").asText());
        assertThat(timeout)
                .isBetween(Instant.now().plusSeconds(3590), Instant.now().plusSeconds(3600));
    }

    @Test
    void a_booking_expires_back_to_unlocked_at_its_timeout_at() {
        Instant until = Instant.now().plusMillis(600);
        http.awaitCommandState(
                http.command(device, "{\"command\":\"book\",\"timeout_at\":\"" + until + "\"}")
                        .get("id")
                        .asText(),
                "SUCCESS");
        assertThat(sim.deviceState(device)).isEqualTo("BOOKED");

        BikeepHttp.pause(Math.max(0, Duration.between(Instant.now(), until).toMillis()) + 60);

        JsonNode state = http.device(device).get("state");
        assertThat(state.get("value").asText()).isEqualTo("UNLOCKED");
        assertThat(state.get("timeout_at").isNull()).isTrue();
    }

    @Test
    void lock_from_booked_goes_locking_then_locked_once_the_user_secured_the_item() {
        http.awaitCommandState(
                http.command(device, "{\"command\":\"book\"}").get("id").asText(), "SUCCESS");
        JsonNode[] end = new JsonNode[1];

        List<String> states = run("{\"command\":\"lock\"}", end);

        assertThat(states).containsExactly("BOOKED", "LOCKING", "LOCKED");
        assertThat(end[0].at("/state/value").asText()).isEqualTo("SUCCESS");
        assertThat(end[0].get("events").findValuesAsText("name")).contains("RESPONSE_DEVICE_LOCKED");
    }

    @Test
    void lock_from_unlocked_allocates_the_device_at_once() {
        JsonNode[] end = new JsonNode[1];

        List<String> states = run("{\"command\":\"lock\"}", end);

        assertThat(states).containsExactly("ALLOCATED", "LOCKING", "LOCKED");
    }

    @Test
    void unlock_goes_unlocking_then_unlocked() {
        sim.setDeviceState(device, "LOCKED", null);
        JsonNode[] end = new JsonNode[1];

        List<String> states = run("{\"command\":\"unlock\"}", end);

        assertThat(states).containsExactly("LOCKED", "UNLOCKING", "UNLOCKED");
        assertThat(end[0].at("/state/value").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void cancel_booking_returns_a_booked_device_to_unlocked() {
        http.awaitCommandState(
                http.command(device, "{\"command\":\"book\"}").get("id").asText(), "SUCCESS");
        JsonNode[] end = new JsonNode[1];

        List<String> states = run("{\"command\":\"cancel-booking\"}", end);

        assertThat(states).containsExactly("BOOKED", "UNLOCKED");
        assertThat(end[0].at("/state/value").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void force_commands_bypass_the_state_checks() {
        sim.setDeviceState(device, "LOCKING", Instant.now().plusSeconds(30));
        JsonNode[] end = new JsonNode[1];
        assertThat(run("{\"command\":\"force-unlock\"}", end)).endsWith("UNLOCKED");
        assertThat(end[0].at("/state/value").asText()).isEqualTo("SUCCESS");

        assertThat(run("{\"command\":\"force-lock\"}", end)).endsWith("LOCKED");
        assertThat(end[0].at("/state/value").asText()).isEqualTo("SUCCESS");

        sim.setDeviceState(device, "BOOKED", Instant.now().plusSeconds(30));
        assertThat(run("{\"command\":\"force-cancel-booking\"}", end)).endsWith("UNLOCKED");
        assertThat(end[0].at("/state/value").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void a_command_that_does_not_fit_the_device_state_is_error_with_a_reason_and_changes_nothing() {
        sim.setDeviceState(device, "LOCKED", null);

        for (String name : List.of("book", "lock", "cancel-booking")) {
            JsonNode command = http.command(device, "{\"command\":\"" + name + "\"}");
            assertThat(command.at("/state/value").asText()).as(name).isEqualTo("ERROR");
            assertThat(command.at("/state/reason").asText()).as(name).startsWith("INVALID_STATE");
        }
        sim.setDeviceState(device, "UNLOCKED", null);
        assertThat(http.command(device, "{\"command\":\"unlock\"}")
                        .at("/state/reason")
                        .asText())
                .contains("LOCKED");
        assertThat(sim.deviceState(device)).isEqualTo("UNLOCKED");
    }

    @Test
    void a_second_command_while_one_is_in_flight_is_refused_as_busy() {
        sim.setDeviceState(device, "LOCKED", null);
        http.command(device, "{\"command\":\"unlock\"}");

        JsonNode second = http.command(device, "{\"command\":\"unlock\"}");

        assertThat(second.at("/state/value").asText()).isEqualTo("ERROR");
        assertThat(second.at("/state/reason").asText()).startsWith("DEVICE_BUSY");
    }

    @Test
    void to_an_offline_device_a_command_stays_sent_until_its_timeout_at_then_is_error() {
        sim.setDeviceOnline(device, false);
        JsonNode health = http.device(device).get("heartbeat_v2");
        assertThat(health.get("health").asText()).isEqualTo("DEAD");
        assertThat(health.get("dead_since").asText()).isNotBlank();

        JsonNode command = http.command(device, "{\"command\":\"book\"}");
        String id = command.get("id").asText();
        Instant timeoutAt = Instant.parse(command.at("/state/timeout_at").asText());
        BikeepHttp.pause(250);
        assertThat(http.get("/device/v1/commands/" + id)
                        .json()
                        .at("/state/value")
                        .asText())
                .isEqualTo("SENT");
        assertThat(sim.deviceState(device)).isEqualTo("ALLOCATED");

        JsonNode end = http.awaitCommandState(id, "ERROR");

        assertThat(Instant.now()).isAfterOrEqualTo(timeoutAt);
        assertThat(end.at("/state/reason").asText()).contains("TIMEOUT").contains("offline");
        assertThat(sim.deviceState(device)).isEqualTo("UNLOCKED");
    }

    @Test
    void an_offline_location_keeps_commands_sent_and_reports_its_guard_dead() {
        sim.setLocationOnline(location, false);
        JsonNode guard =
                http.get("/device/v1/locations/" + location + "/devices").json().at("/data/0");
        assertThat(guard.get("type").asText()).isEqualTo("GUARD");
        assertThat(guard.at("/heartbeat_v2/health").asText()).isEqualTo("DEAD");
        JsonNode listed = http.get("/location/v1/locations").json().at("/data/0");
        assertThat(listed.get("connection").asText()).isEqualTo("offline");
        assertThat(listed.at("/devices/online").asInt()).isZero();
        sim.setDeviceState(device, "LOCKED", null);

        JsonNode end = http.awaitCommandState(
                http.command(device, "{\"command\":\"unlock\"}").get("id").asText(), "ERROR");

        assertThat(end.at("/state/reason").asText()).contains("offline");
        assertThat(sim.deviceState(device)).isEqualTo("LOCKED");
    }

    @Test
    void a_device_back_online_before_the_timeout_gets_the_command() {
        sim.setDeviceOnline(device, false);
        String id = http.command(device, "{\"command\":\"book\"}").get("id").asText();
        BikeepHttp.pause(150);

        sim.setDeviceOnline(device, true);

        http.awaitCommandState(id, "SUCCESS");
        assertThat(sim.deviceState(device)).isEqualTo("BOOKED");
    }

    @Test
    void when_the_user_never_secures_the_item_locking_times_out_and_the_booking_is_kept() {
        http.awaitCommandState(
                http.command(device, "{\"command\":\"book\"}").get("id").asText(), "SUCCESS");
        sim.neverSecure(device, true);
        JsonNode[] end = new JsonNode[1];

        List<String> states = run("{\"command\":\"lock\"}", end);

        assertThat(states).containsExactly("BOOKED", "LOCKING", "BOOKED");
        assertThat(end[0].at("/state/value").asText()).isEqualTo("ERROR");
        assertThat(end[0].at("/state/reason").asText()).startsWith("LOCKING_TIMEOUT");
    }

    @Test
    void when_the_user_never_secures_an_unbooked_device_it_is_unlocked_again() {
        sim.neverSecure(device, true);
        JsonNode[] end = new JsonNode[1];

        List<String> states = run("{\"command\":\"lock\"}", end);

        assertThat(states).containsExactly("ALLOCATED", "LOCKING", "UNLOCKED");
        assertThat(end[0].at("/state/value").asText()).isEqualTo("ERROR");
    }

    @Test
    void a_device_taken_by_an_rfid_tap_is_locked_without_any_api_call_and_refuses_a_booking() {
        int before = sim.requests().size();

        sim.takeByRfidTap(device);

        assertThat(sim.requests()).hasSize(before);
        JsonNode listed =
                http.get("/device/v1/locations/" + location + "/devices").json().at("/data/1");
        assertThat(listed.get("id").asText()).isEqualTo(device);
        assertThat(listed.at("/state/value").asText()).isEqualTo("LOCKED");
        assertThat(http.get("/location/v1/locations")
                        .json()
                        .at("/data/0/devices/available")
                        .asInt())
                .isEqualTo(2);
        assertThat(http.command(device, "{\"command\":\"book\"}")
                        .at("/state/value")
                        .asText())
                .isEqualTo("ERROR");
        assertThatThrownBy(() -> sim.takeByRfidTap(device)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void devices_are_listed_with_a_guard_aliases_codes_and_heartbeats() {
        JsonNode data =
                http.get("/device/v1/locations/" + location + "/devices").json().get("data");

        assertThat(data.findValuesAsText("type")).containsExactly("GUARD", "LOCKER", "LOCKER", "LOCKER");
        assertThat(data.findValuesAsText("alias")).containsExactly("C1", "1", "2", "3");
        JsonNode locker = data.get(1);
        assertThat(locker.get("code").asText()).matches("\\d{6}");
        assertThat(locker.at("/state/value").asText()).isEqualTo("UNLOCKED");
        assertThat(locker.at("/state/changed_at").asText()).isNotBlank();
        assertThat(locker.at("/state/timeout_at").isNull()).isTrue();
        assertThat(locker.at("/heartbeat_v2/health").asText()).isEqualTo("HEALTHY");
        assertThat(locker.at("/heartbeat_v2/dead_since").isNull()).isTrue();
        assertThat(http.device(locker.get("id").asText())).isEqualTo(locker);
        String docks = sim.addLocation("BIKE_DOCKS", "Station B", 2);
        assertThat(http.get("/device/v1/locations/" + docks + "/devices")
                        .json()
                        .get("data")
                        .findValuesAsText("type"))
                .containsExactly("GUARD", "BIKE_DOCK", "BIKE_DOCK");
    }

    @Test
    void unknown_ids_answer_404_with_a_fresh_correlation_id_each_time() {
        BikeepHttp.Answer first = http.get("/device/v1/devices/nope");
        BikeepHttp.Answer second = http.get("/device/v1/commands/nope");

        assertThat(first.status()).isEqualTo(404);
        assertThat(first.json().get("error_code").asText()).isEqualTo("ERRORS.NOT_FOUND");
        assertThat(first.json().get("status_code").asInt()).isEqualTo(404);
        assertThat(second.json().get("correlation_id").asText())
                .isNotEqualTo(first.json().get("correlation_id").asText());
        assertThat(http.post("/device/v1/devices/nope/commands", "{\"command\":\"book\"}")
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/device/v1/locations/nope/devices").status()).isEqualTo(404);
    }

    @Test
    void an_unknown_command_name_or_a_body_that_is_not_json_is_400() {
        assertThat(http.post("/device/v1/devices/" + device + "/commands", "{\"command\":\"open\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/device/v1/devices/" + device + "/commands", "book")
                        .status())
                .isEqualTo(400);
    }
}
