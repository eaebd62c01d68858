package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.controller.DiscoverControllers;
import dev.harbor.application.controller.ManageControllers.AddResult;
import dev.harbor.application.controller.ManageControllers.AdjustResult;
import dev.harbor.application.controller.ManageControllers.ChangeResult;
import dev.harbor.application.controller.ManageControllers.RemoveResult;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.layout.BankTypeId;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /controllers}: every outcome of every use case mapped, every bad input a 400. */
class ControllerRoutesTest extends ApiTest {

    private static final String CREATE = "{\"name\":\"Tower C\",\"protocol\":\"kerong-cu16\","
            + "\"transport\":{\"type\":\"serial\",\"port\":\"/dev/ttyUSB0\",\"baudRate\":9600},\"boardAddress\":3,"
            + "\"bankTypeId\":1}";

    private static final String CREATE_BIKEEP = "{\"name\":\"Station B\",\"protocol\":\"bikeep\","
            + "\"transport\":{\"type\":\"bikeep\",\"locationId\":\"" + FakeGateway.LOCATION_ID + "\"}}";

    // --- list, get

    @Test
    void the_list_shows_every_controller_with_its_transport_and_condition() {
        JsonNode list = adminGet("/controllers").json();

        assertThat(list.size()).isEqualTo(2);
        JsonNode first = list.get(0);
        assertThat(first.get("controllerId").asLong()).isEqualTo(1);
        assertThat(first.get("protocol").asText()).isEqualTo("kerong-cu16");
        assertThat(first.get("transport").get("type").asText()).isEqualTo("simulated");
        assertThat(first.get("transport").get("bus").asText()).isEqualTo("bus1");
        assertThat(first.get("bankTypeId").asLong()).isEqualTo(1);
        assertThat(list.get(1).get("bankTypeId").isNull()).isTrue();
        assertThat(first.get("health").asText()).isEqualTo("HEALTHY");
        assertThat(first.get("discoveredVia").asText()).isEqualTo("LAYOUT");
    }

    @Test
    void one_controller_comes_with_its_lockers_and_stats() {
        JsonNode details = adminGet("/controllers/2").json();

        assertThat(details.get("lockers").size()).isEqualTo(2);
        assertThat(details.get("lockers").get(0).get("lockerId").asLong()).isEqualTo(3);
        assertThat(details.get("lockers").get(0).get("lockerType").get("slug").asText())
                .isEqualTo("small");
        assertThat(details.get("stats").get("opens").asLong()).isEqualTo(7);
        assertThat(details.get("stats").get("failures").asLong()).isEqualTo(1);
        assertThat(details.get("stats").get("lastError").asText()).isEqualTo("no answer within 200 ms");
    }

    @Test
    void an_unknown_controller_is_404() {
        adminGet("/controllers/99").error(404, "CONTROLLER_NOT_FOUND");
        adminGet("/controllers/abc").error(400, "INVALID_REQUEST");
    }

    // --- add: every AddResult, every bad input

    @Test
    void add_added_is_201_with_the_details_and_the_command_carries_the_request() {
        ApiClient.Reply reply = adminSend("POST", "/controllers", CREATE);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("lockers").isArray()).isTrue();
        assertThat(admin.lastActor).isEqualTo(Actor.admin("admin"));
        assertThat(admin.lastAdd.name()).isEqualTo("Tower C");
        assertThat(admin.lastAdd.endpoint().protocol()).isEqualTo(Protocol.KERONG_CU16);
        assertThat(admin.lastAdd.endpoint().transport()).isEqualTo(new Transport.Serial("/dev/ttyUSB0", 9600));
        assertThat(admin.lastAdd.endpoint().boardAddress()).isEqualTo(3);
        assertThat(admin.lastAdd.endpoint().options()).isEqualTo(ProtocolOptions.DEFAULTS);
        assertThat(admin.lastAdd.bankTypeId()).isEqualTo(new BankTypeId(1));
        assertThat(admin.lastAdd.lockerCount()).isNull();
    }

    @Test
    void add_by_count_over_tcp_with_options() {
        adminSend(
                "POST",
                "/controllers",
                "{\"name\":\"Net\",\"protocol\":\"xor8a\",\"transport\":{\"type\":\"tcp\","
                        + "\"host\":\"10.0.0.7\",\"port\":5000},\"boardAddress\":1,\"lockerCount\":24,"
                        + "\"options\":{\"feedbackPolarity\":\"SET_MEANS_OPEN\"}}");

        assertThat(admin.lastAdd.endpoint().transport()).isEqualTo(new Transport.Tcp("10.0.0.7", 5000));
        assertThat(admin.lastAdd.lockerCount()).isEqualTo(24);
        assertThat(admin.lastAdd.endpoint().options().feedbackPolarity())
                .isEqualTo(ProtocolOptions.FeedbackPolarity.SET_MEANS_OPEN);
    }

    @Test
    void a_serial_line_without_baud_rate_gets_the_boards_factory_setting() {
        adminSend("POST", "/controllers", CREATE.replace(",\"baudRate\":9600", ""));

        assertThat(admin.lastAdd.endpoint().transport()).isEqualTo(new Transport.Serial("/dev/ttyUSB0", 19200));
    }

    @Test
    void a_kerong_cu48_serial_line_without_baud_rate_gets_19200() {
        adminSend(
                "POST",
                "/controllers",
                "{\"name\":\"Wall\",\"protocol\":\"kerong-cu48\","
                        + "\"transport\":{\"type\":\"serial\",\"port\":\"/dev/ttyUSB1\"},\"boardAddress\":0,"
                        + "\"lockerCount\":48}");

        assertThat(admin.lastAdd.endpoint().transport()).isEqualTo(new Transport.Serial("/dev/ttyUSB1", 19200));
    }

    @Test
    void add_endpoint_in_use_found_only_by_the_database_is_409_without_a_controller_id() {
        admin.addResult = new AddResult.EndpointInUse(null);

        ApiClient.Reply reply = adminSend("POST", "/controllers", CREATE).error(409, "INVALID_STATE");

        assertThat(reply.json().get("details").has("existingControllerId")).isFalse();
    }

    @Test
    void add_endpoint_in_use_is_409_naming_the_existing_controller() {
        admin.addResult = new AddResult.EndpointInUse(ControllerId.of(2));

        ApiClient.Reply reply = adminSend("POST", "/controllers", CREATE).error(409, "INVALID_STATE");

        assertThat(reply.json().at("/details/existingControllerId").asText()).isEqualTo("2");
    }

    @Test
    void add_unknown_bank_type_is_400() {
        admin.addResult = new AddResult.UnknownBankType(new BankTypeId(1));

        adminSend("POST", "/controllers", CREATE).error(400, "INVALID_REQUEST");
    }

    @Test
    void add_a_bank_type_larger_than_the_board_is_400() {
        admin.addResult = new AddResult.TooManyLockers(20, 16);

        ApiClient.Reply reply = adminSend("POST", "/controllers", CREATE).error(400, "INVALID_REQUEST");

        assertThat(reply.json().get("message").asText()).contains("20", "16");
    }

    @Test
    void bad_controller_requests_are_400_with_a_clear_message_and_never_reach_the_use_case() {
        String serial = "\"transport\":{\"type\":\"serial\",\"port\":\"/dev/ttyUSB0\",\"baudRate\":9600}";
        String[][] cases = {
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu99\"," + serial + ",\"boardAddress\":3,\"lockerCount\":4}",
                "Unknown protocol"
            },
            {"{\"name\":\"T\"," + serial + ",\"boardAddress\":3,\"lockerCount\":4}", "protocol is required"},
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\",\"boardAddress\":3,\"lockerCount\":4}",
                "transport is required"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\",\"transport\":{\"port\":\"/dev/x\"},\"boardAddress\":3,"
                        + "\"lockerCount\":4}",
                "transport.type"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\",\"transport\":{\"type\":\"usb\"},\"boardAddress\":3,"
                        + "\"lockerCount\":4}",
                "Unknown transport type"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\",\"transport\":{\"type\":\"serial\",\"port\":5},"
                        + "\"boardAddress\":3,\"lockerCount\":4}",
                "transport.port must be a string"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\",\"transport\":{\"type\":\"tcp\",\"host\":\"h\","
                        + "\"port\":\"5000\"},\"boardAddress\":3,\"lockerCount\":4}",
                "transport.port must be an integer"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\",\"transport\":{\"type\":\"tcp\",\"host\":\"h\","
                        + "\"port\":70000},\"boardAddress\":3,\"lockerCount\":4}",
                "TCP port must be 1-65535"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\",\"transport\":{\"type\":\"tcp\",\"host\":\"h\","
                        + "\"port\":5000,\"bus\":\"x\"},\"boardAddress\":3,\"lockerCount\":4}",
                "Unknown field 'transport.bus'"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\",\"transport\":{\"type\":\"serial\",\"port\":\"/dev/x\","
                        + "\"baudRate\":12},\"boardAddress\":3,\"lockerCount\":4}",
                "baud rate"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\",\"transport\":\"serial\",\"boardAddress\":3,"
                        + "\"lockerCount\":4}",
                "transport must be an object"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\"," + serial + ",\"boardAddress\":10,\"lockerCount\":4}",
                "Board address 10 is out of range 0-9"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"xor8a\"," + serial + ",\"boardAddress\":0,\"lockerCount\":4}",
                "Board address 0 is out of range 1-32"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\"," + serial + ",\"lockerCount\":4}",
                "boardAddress is required"
            },
            {"{\"name\":\"T\",\"protocol\":\"kerong-cu16\"," + serial + ",\"boardAddress\":3}", "exactly one"},
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\"," + serial + ",\"boardAddress\":3,\"bankTypeId\":1,"
                        + "\"lockerCount\":4}",
                "exactly one"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\"," + serial + ",\"boardAddress\":3,\"lockerCount\":17}",
                "1-16 lockers"
            },
            {
                "{\"name\":\"\",\"protocol\":\"kerong-cu16\"," + serial + ",\"boardAddress\":3,\"lockerCount\":4}",
                "name must be"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\"," + serial + ",\"boardAddress\":3,\"lockerCount\":4,"
                        + "\"options\":{\"feedbackPolarity\":\"UPSIDE_DOWN\"}}",
                "SET_MEANS_LOCKED"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\"," + serial + ",\"boardAddress\":\"3\",\"lockerCount\":4}",
                "boardAddress"
            },
            {
                "{\"name\":\"T\",\"protocol\":\"kerong-cu16\"," + serial + ",\"boardAddress\":3,\"lockerCount\":4,"
                        + "\"colour\":\"red\"}",
                "Unknown field 'colour'"
            },
        };
        for (String[] c : cases) {
            ApiClient.Reply reply = adminSend("POST", "/controllers", c[0]).error(400, "INVALID_REQUEST");
            assertThat(reply.json().get("message").asText()).as(c[0]).contains(c[1]);
        }
        assertThat(admin.lastAdd).isNull();
    }

    // --- update, replace: every ChangeResult

    @Test
    void update_changed_is_200_and_keeps_protocol_and_options_while_moving_the_board() {
        ApiClient.Reply reply = adminSend(
                "PATCH",
                "/controllers/1",
                "{\"name\":\"Tower A2\",\"transport\":{\"type\":\"simulated\",\"bus\":\"other\"}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("lockers")).isFalse();
        assertThat(admin.lastName).isEqualTo("Tower A2");
        assertThat(admin.lastEndpoint.transport()).isEqualTo(new Transport.Simulated("other"));
        assertThat(admin.lastEndpoint.boardAddress()).isEqualTo(0);
        assertThat(admin.lastEndpoint.protocol()).isEqualTo(Protocol.KERONG_CU16);
    }

    @Test
    void update_of_the_name_alone_leaves_the_endpoint() {
        adminSend("PATCH", "/controllers/1", "{\"name\":\"Renamed\"}");

        assertThat(admin.lastEndpoint).isNull();
    }

    @Test
    void update_not_found_is_404() {
        admin.changeResult = new ChangeResult.NotFound();

        adminSend("PATCH", "/controllers/1", "{\"name\":\"Renamed\"}").error(404, "CONTROLLER_NOT_FOUND");
        adminSend("PATCH", "/controllers/99", "{\"name\":\"Renamed\"}").error(404, "CONTROLLER_NOT_FOUND");
    }

    @Test
    void update_endpoint_in_use_is_409() {
        admin.changeResult = new ChangeResult.EndpointInUse(ControllerId.of(2));

        adminSend("PATCH", "/controllers/1", "{\"boardAddress\":1}").error(409, "INVALID_STATE");
    }

    @Test
    void update_with_an_address_out_of_range_is_400() {
        adminSend("PATCH", "/controllers/1", "{\"boardAddress\":12}").error(400, "INVALID_REQUEST");
        adminSend("PATCH", "/controllers/1", "{\"protocol\":\"xor8a\"}").error(400, "INVALID_REQUEST");
        assertThat(admin.lastActor).isNull();
    }

    @Test
    void replace_changed_is_200_with_the_details() {
        ApiClient.Reply reply = adminSend(
                "POST",
                "/controllers/1/replace",
                "{\"transport\":{\"type\":\"tcp\",\"host\":\"10.0.0.9\",\"port\":4001},\"boardAddress\":2}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("lockers").size()).isEqualTo(2);
        assertThat(admin.lastEndpoint.transport()).isEqualTo(new Transport.Tcp("10.0.0.9", 4001));
        assertThat(admin.lastEndpoint.boardAddress()).isEqualTo(2);
    }

    @Test
    void replace_not_found_is_404() {
        admin.changeResult = new ChangeResult.NotFound();

        adminSend(
                        "POST",
                        "/controllers/1/replace",
                        "{\"transport\":{\"type\":\"simulated\",\"bus\":\"b\"}," + "\"boardAddress\":0}")
                .error(404, "CONTROLLER_NOT_FOUND");
    }

    @Test
    void replace_endpoint_in_use_is_409() {
        admin.changeResult = new ChangeResult.EndpointInUse(ControllerId.of(2));

        adminSend(
                        "POST",
                        "/controllers/1/replace",
                        "{\"transport\":{\"type\":\"simulated\",\"bus\":\"bus2\"}," + "\"boardAddress\":0}")
                .error(409, "INVALID_STATE");
    }

    @Test
    void replace_needs_transport_and_address() {
        adminSend("POST", "/controllers/1/replace", "{\"boardAddress\":0}").error(400, "INVALID_REQUEST");
        adminSend("POST", "/controllers/1/replace", "{\"transport\":{\"type\":\"simulated\",\"bus\":\"b\"}}")
                .error(400, "INVALID_REQUEST");
    }

    // --- remove: every RemoveResult

    @Test
    void remove_removed_is_204_and_force_is_passed_on() {
        assertThat(adminSend("DELETE", "/controllers/1", null).status()).isEqualTo(204);
        assertThat(admin.lastForce).isFalse();
        assertThat(adminSend("DELETE", "/controllers/1?force=true", null).status())
                .isEqualTo(204);
        assertThat(admin.lastForce).isTrue();
        adminSend("DELETE", "/controllers/1?force=yes", null).error(400, "INVALID_REQUEST");
    }

    @Test
    void remove_not_found_is_404() {
        admin.removeResult = new RemoveResult.NotFound();

        adminSend("DELETE", "/controllers/1", null).error(404, "CONTROLLER_NOT_FOUND");
    }

    @Test
    void remove_with_active_transactions_is_409_suggesting_force() {
        admin.removeResult = new RemoveResult.HasActiveTransactions(2);

        ApiClient.Reply reply = adminSend("DELETE", "/controllers/1", null).error(409, "INVALID_STATE");

        assertThat(reply.json().get("message").asText()).contains("force=true");
        assertThat(reply.json().at("/details/activeTransactions").asText()).isEqualTo("2");
    }

    // --- locker count: every AdjustResult

    @Test
    void adjust_adjusted_is_200_with_the_ids() {
        JsonNode body = adminSend("PATCH", "/controllers/1/locker-count", "{\"lockerCount\":3}")
                .json();

        assertThat(admin.lastLockerCount).isEqualTo(3);
        assertThat(body.get("controllerId").asLong()).isEqualTo(1);
        assertThat(body.get("previousCount").asInt()).isEqualTo(2);
        assertThat(body.get("lockerCount").asInt()).isEqualTo(3);
        assertThat(body.get("addedLockerIds").get(0).asLong()).isEqualTo(5);
        assertThat(body.get("removedLockerIds").size()).isZero();
    }

    @Test
    void adjust_not_found_is_404() {
        admin.adjustResult = new AdjustResult.NotFound();

        adminSend("PATCH", "/controllers/1/locker-count", "{\"lockerCount\":3}").error(404, "CONTROLLER_NOT_FOUND");
    }

    @Test
    void adjust_over_an_active_transaction_is_409() {
        admin.adjustResult = new AdjustResult.HasActiveTransactions(1);

        adminSend("PATCH", "/controllers/1/locker-count", "{\"lockerCount\":1}").error(409, "INVALID_STATE");
    }

    @Test
    void adjust_out_of_range_is_400() {
        admin.adjustResult = new AdjustResult.OutOfRange(16);

        ApiClient.Reply reply = adminSend("PATCH", "/controllers/1/locker-count", "{\"lockerCount\":17}")
                .error(400, "INVALID_REQUEST");

        assertThat(reply.json().get("message").asText()).contains("1-16");
        adminSend("PATCH", "/controllers/1/locker-count", "{}").error(400, "INVALID_REQUEST");
    }

    // --- a Bikeep location as a controller

    @Test
    void a_bikeep_location_shows_its_location_and_no_board() {
        gateway.addBikeepLocation();
        JsonNode location = adminGet("/controllers/3").json();

        assertThat(location.get("protocol").asText()).isEqualTo("bikeep");
        assertThat(location.at("/transport/type").asText()).isEqualTo("bikeep");
        assertThat(location.at("/transport/locationId").asText()).isEqualTo(FakeGateway.LOCATION_ID);
        assertThat(location.get("transport").size()).isEqualTo(2);
        assertThat(location.get("boardAddress").isNull()).isTrue();
        assertThat(location.get("bankTypeId").isNull()).isTrue();
        assertThat(location.get("options").isNull()).isTrue();
        assertThat(location.get("lockerCount").asInt()).isEqualTo(2);
        assertThat(location.at("/lockers/0/external/deviceId").asText()).isEqualTo("dev-1");
        assertThat(location.at("/lockers/1/reasonCode").asText()).isEqualTo("DEVICE_REMOVED");
        assertThat(adminGet("/controllers").json().get(2).get("boardAddress").isNull())
                .isTrue();
    }

    @Test
    void a_bikeep_location_body_reaches_the_use_case_as_a_remote_add() {
        gateway.addBikeepLocation();
        admin.addResult = new AddResult.Added(admin.view(ControllerId.of(3)));

        ApiClient.Reply reply = adminSend("POST", "/controllers", CREATE_BIKEEP);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("protocol").asText()).isEqualTo("bikeep");
        assertThat(admin.lastAdd.name()).isEqualTo("Station B");
        assertThat(admin.lastAdd.endpoint().protocol()).isEqualTo(Protocol.BIKEEP);
        assertThat(admin.lastAdd.endpoint().transport()).isEqualTo(new Transport.Bikeep(FakeGateway.LOCATION_ID));
        assertThat(admin.lastAdd.bankTypeId()).isNull();
        assertThat(admin.lastAdd.lockerCount()).isNull();
    }

    @Test
    void a_bikeep_location_with_board_fields_is_400_and_never_reaches_the_use_case() {
        String[][] cases = {
            {CREATE_BIKEEP.replace("}}", "},\"boardAddress\":0}"), "boardAddress does not apply"},
            {CREATE_BIKEEP.replace("}}", "},\"lockerCount\":4}"), "devices decide"},
            {CREATE_BIKEEP.replace("}}", "},\"bankTypeId\":1}"), "devices decide"},
            {CREATE_BIKEEP.replace("}}", "},\"options\":{}}"), "options does not apply"},
            {
                CREATE_BIKEEP
                        .replace("\"type\":\"bikeep\"", "\"type\":\"simulated\",\"bus\":\"b\"")
                        .replace(",\"locationId\":\"" + FakeGateway.LOCATION_ID + "\"", ""),
                "needs transport type bikeep"
            },
            {CREATE_BIKEEP.replace(FakeGateway.LOCATION_ID, "not/a/uuid"), "location id"},
            {
                CREATE.replace(
                        "\"type\":\"serial\",\"port\":\"/dev/ttyUSB0\",\"baudRate\":9600",
                        "\"type\":\"bikeep\",\"locationId\":\"x\""),
                "needs protocol bikeep"
            },
        };
        for (String[] c : cases) {
            ApiClient.Reply reply = adminSend("POST", "/controllers", c[0]).error(400, "INVALID_REQUEST");
            assertThat(reply.json().get("message").asText()).as(c[0]).contains(c[1]);
        }
        assertThat(admin.lastAdd).isNull();
    }

    @Test
    void add_remote_site_off_is_409() {
        admin.addResult = new AddResult.RemoteSiteOff("The Bikeep integration is off");

        ApiClient.Reply reply = adminSend("POST", "/controllers", CREATE_BIKEEP).error(409, "INVALID_STATE");

        assertThat(reply.json().get("message").asText()).isEqualTo("The Bikeep integration is off");
        assertThat(reply.json().at("/details/setting").asText()).isEqualTo("HARBOR_BIKEEP_CLIENT_ID");
    }

    @Test
    void add_unknown_location_is_400_with_bikeeps_correlation_id() {
        admin.addResult = new AddResult.UnknownLocation(
                FakeGateway.LOCATION_ID,
                "Bikeep does not know location " + FakeGateway.LOCATION_ID,
                new RemoteProblem(RemoteProblem.Kind.NOT_FOUND, Optional.of("corr-404")));

        ApiClient.Reply reply = adminSend("POST", "/controllers", CREATE_BIKEEP).error(400, "INVALID_REQUEST");

        assertThat(reply.json().get("message").asText()).contains("does not know location");
        assertThat(reply.json().at("/details/locationId").asText()).isEqualTo(FakeGateway.LOCATION_ID);
        assertThat(reply.json().at("/details/field").asText()).isEqualTo("transport.locationId");
        assertThat(reply.json().at("/details/bikeepCorrelationId").asText()).isEqualTo("corr-404");
    }

    @Test
    void add_a_location_without_lockers_is_400_without_a_correlation_id() {
        admin.addResult =
                new AddResult.UnknownLocation(FakeGateway.LOCATION_ID, "The location has no locker or dock", null);

        JsonNode details = adminSend("POST", "/controllers", CREATE_BIKEEP)
                .error(400, "INVALID_REQUEST")
                .json()
                .get("details");

        assertThat(details.has("bikeepCorrelationId")).isFalse();
    }

    @Test
    void add_remote_unavailable_is_503_with_bikeeps_correlation_id() {
        admin.addResult = new AddResult.RemoteUnavailable(
                "Bikeep cannot be reached", new RemoteProblem(RemoteProblem.Kind.UNAVAILABLE, Optional.of("corr-503")));

        ApiClient.Reply reply = adminSend("POST", "/controllers", CREATE_BIKEEP).error(503, "CONTROLLER_UNAVAILABLE");

        assertThat(reply.json().get("message").asText()).isEqualTo("Bikeep cannot be reached");
        assertThat(reply.json().at("/details/bikeepCorrelationId").asText()).isEqualTo("corr-503");
    }

    @Test
    void add_a_location_already_added_is_409_naming_the_location() {
        admin.addResult = new AddResult.EndpointInUse(ControllerId.of(3));

        ApiClient.Reply reply = adminSend("POST", "/controllers", CREATE_BIKEEP).error(409, "INVALID_STATE");

        assertThat(reply.json().get("message").asText())
                .contains("location " + FakeGateway.LOCATION_ID + " is already added");
        assertThat(reply.json().at("/details/existingControllerId").asText()).isEqualTo("3");
    }

    @Test
    void moving_a_bikeep_location_reaches_the_use_case_and_is_409() {
        gateway.addBikeepLocation();
        admin.changeResult = new ChangeResult.NotForRemote("A Bikeep location has no board to move");

        for (String body : new String[] {
            "{\"boardAddress\":3}",
            "{\"transport\":{\"type\":\"bikeep\",\"locationId\":\"elsewhere\"}}",
            "{\"transport\":{\"type\":\"serial\",\"port\":\"/dev/ttyUSB0\"}}"
        }) {
            admin.lastEndpoint = null;
            ApiClient.Reply reply = adminSend("PATCH", "/controllers/3", body).error(409, "INVALID_STATE");
            assertThat(reply.json().get("message").asText()).isEqualTo("A Bikeep location has no board to move");
            assertThat(reply.json().at("/details/controllerId").asText()).isEqualTo("3");
            assertThat(admin.lastEndpoint).as(body).isNotNull();
        }
    }

    @Test
    void renaming_a_bikeep_location_leaves_the_endpoint() {
        gateway.addBikeepLocation();

        ApiClient.Reply reply = adminSend("PATCH", "/controllers/3", "{\"name\":\"Station C\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(admin.lastName).isEqualTo("Station C");
        assertThat(admin.lastEndpoint).isNull();
    }

    @Test
    void replacing_a_bikeep_location_reaches_the_use_case_and_is_409() {
        gateway.addBikeepLocation();
        admin.changeResult = new ChangeResult.NotForRemote("A Bikeep location has no board to swap");

        for (String body :
                new String[] {"{}", "{\"transport\":{\"type\":\"simulated\",\"bus\":\"b\"},\"boardAddress\":1}"}) {
            ApiClient.Reply reply =
                    adminSend("POST", "/controllers/3/replace", body).error(409, "INVALID_STATE");
            assertThat(reply.json().get("message").asText()).isEqualTo("A Bikeep location has no board to swap");
        }
        assertThat(admin.lastEndpoint.protocol()).isEqualTo(Protocol.BIKEEP);
    }

    @Test
    void adjust_not_for_remote_is_409() {
        gateway.addBikeepLocation();
        admin.adjustResult = new AdjustResult.NotForRemote("A Bikeep location's devices decide its lockers");

        ApiClient.Reply reply = adminSend("PATCH", "/controllers/3/locker-count", "{\"lockerCount\":5}")
                .error(409, "INVALID_STATE");

        assertThat(reply.json().get("message").asText()).isEqualTo("A Bikeep location's devices decide its lockers");
        assertThat(reply.json().at("/details/controllerId").asText()).isEqualTo("3");
        assertThat(admin.lastLockerCount).isEqualTo(5);
    }

    // --- scan: every ScanResult

    @Test
    void scan_disabled_is_409_naming_the_setting() {
        ApiClient.Reply reply = adminSend("POST", "/controllers/scan", null).error(409, "INVALID_STATE");

        assertThat(reply.json().get("message").asText()).contains("HARBOR_MDNS_ADDRESS");
        assertThat(admin.lastScanWindow).isEqualTo(Duration.ofMillis(3000));
        assertThat(admin.lastScanAdd).isFalse();
    }

    @Test
    void scan_scanned_lists_what_was_found_added_and_skipped() {
        DiscoverControllers.FoundBoard known =
                new DiscoverControllers.FoundBoard("lockctl-1", "10.0.0.7", 5000, "xor8a", 1, 24);
        DiscoverControllers.FoundBoard odd =
                new DiscoverControllers.FoundBoard("odd", "10.0.0.8", 5000, "weird", 1, 24);
        admin.scanResult = new DiscoverControllers.ScanResult.Scanned(
                List.of(
                        new DiscoverControllers.Discovered(known, true),
                        new DiscoverControllers.Discovered(odd, false)),
                List.of(admin.view(ControllerId.of(2))),
                List.of(new DiscoverControllers.Skipped(odd, "unknown protocol")));

        JsonNode body = adminSend("POST", "/controllers/scan?timeoutMs=500&add=true", null)
                .json();

        assertThat(admin.lastScanWindow).isEqualTo(Duration.ofMillis(500));
        assertThat(admin.lastScanAdd).isTrue();
        assertThat(body.get("discovered").get(0).get("alreadyKnown").asBoolean())
                .isTrue();
        assertThat(body.get("discovered").get(1).get("host").asText()).isEqualTo("10.0.0.8");
        assertThat(body.get("added").get(0).get("controllerId").asLong()).isEqualTo(2);
        assertThat(body.get("skipped").get(0).get("reason").asText()).isEqualTo("unknown protocol");
    }

    @Test
    void scan_with_a_timeout_out_of_range_is_400() {
        adminSend("POST", "/controllers/scan?timeoutMs=99", null).error(400, "INVALID_REQUEST");
        adminSend("POST", "/controllers/scan?timeoutMs=30001", null).error(400, "INVALID_REQUEST");
        assertThat(admin.lastScanWindow).isNull();
    }

    private ApiClient.Reply adminGet(String path) {
        return adminSend("GET", path, null);
    }

    private ApiClient.Reply adminSend(String method, String path, String json) {
        if (json == null) {
            return client.send(method, path, HttpRequest.BodyPublishers.noBody(), "X-Session-Token", "valid-token");
        }
        return client.send(
                method,
                path,
                HttpRequest.BodyPublishers.ofString(json),
                "Content-Type",
                "application/json",
                "X-Session-Token",
                "valid-token");
    }
}
