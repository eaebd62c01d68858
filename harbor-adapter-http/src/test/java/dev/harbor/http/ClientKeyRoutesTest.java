package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.auth.ClientKeys;
import dev.harbor.application.auth.ClientKeys.NamedKey;
import dev.harbor.application.webhook.ReceiveWebhooks.Receipt;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Local API with client keys configured (local-api.md, "Client keys"). */
class ClientKeyRoutesTest {

    private static final String DESK_KEY = "desk-0123456789abcdef";
    private static final String BEARER = "Bearer " + DESK_KEY;
    private static final String CREATE_BODY = "{\"transactionId\": \"order-7\"}";
    private static final String HEARTBEAT_BODY = "{\"deviceId\": \"kiosk-1\"}";

    /** One route of each group of handlers that a key opens, with a body where the route takes one. */
    private static final List<String[]> KEYED_ROUTES = List.of(
            new String[] {"GET", "/transactions", null},
            new String[] {"POST", "/transactions", CREATE_BODY},
            new String[] {"GET", "/transactions/order-1", null},
            new String[] {"POST", "/transactions/order-1/open", null},
            new String[] {"DELETE", "/transactions/order-1", null},
            new String[] {"GET", "/lockers", null},
            new String[] {"GET", "/lockers/config", null},
            new String[] {"GET", "/lockers/1", null},
            new String[] {"POST", "/lockers/1/open", null},
            new String[] {"GET", "/locker-types", null},
            new String[] {"GET", "/locker-types/small", null},
            new String[] {"GET", "/bank-types", null},
            new String[] {"GET", "/bank-types/1", null},
            new String[] {"POST", "/system/heartbeat", HEARTBEAT_BODY},
            new String[] {"GET", "/system/devices", null},
            new String[] {"GET", "/system", null});

    private FakeGateway gateway;
    private HttpApi api;
    private ApiClient client;

    @BeforeEach
    void startServer() {
        gateway = new FakeGateway();
        api = HttpApi.builder(gateway.useCases())
                .admin(new FakeAdmin(gateway).useCases())
                .webhooks(body -> new Receipt.Accepted(0))
                .clientKeys(ClientKeys.of(List.of(new NamedKey("front-desk", DESK_KEY))))
                .build();
        client = new ApiClient(api.start("127.0.0.1", 0));
    }

    @AfterEach
    void stopServer() {
        api.stop();
    }

    @Test
    void every_local_api_route_refuses_a_client_without_a_key_with_a_bearer_challenge() {
        for (String[] route : KEYED_ROUTES) {
            ApiClient.Reply reply = send(route);
            reply.error(401, "UNAUTHORIZED");
            assertThat(reply.header("WWW-Authenticate"))
                    .as(
                            "%s %s: a Bearer challenge, which no browser answers with a password dialog",
                            route[0], route[1])
                    .isEqualTo("Bearer realm=\"harbor\"");
            assertThat(reply.json().get("message").asText()).contains("Authorization: Bearer");
        }
        assertThat(gateway.lastActor).as("no use case was reached").isNull();
    }

    @Test
    void a_wrong_or_empty_key_is_refused_and_never_echoed() {
        for (String header : List.of("Bearer desk-0123456789abcdeX", "Bearer " + DESK_KEY.substring(1), "Bearer")) {
            ApiClient.Reply reply = send(new String[] {"POST", "/lockers/1/open", null}, "Authorization", header);
            reply.error(401, "UNAUTHORIZED");
            assertThat(reply.body()).doesNotContain("desk-0123456789abcde");
        }
        assertThat(gateway.lastActor).isNull();
    }

    @Test
    void every_local_api_route_accepts_a_valid_key() {
        for (String[] route : KEYED_ROUTES) {
            assertThat(send(route, "Authorization", BEARER).status())
                    .as("%s %s", route[0], route[1])
                    .isNotEqualTo(401);
        }
    }

    @Test
    void every_local_api_route_accepts_admin_credentials_instead_of_a_key() {
        for (String[] route : KEYED_ROUTES) {
            assertThat(send(route, "X-Session-Token", "valid-token").status())
                    .as("%s %s with a session", route[0], route[1])
                    .isNotEqualTo(401);
            assertThat(send(route, "Authorization", ApiClient.ADMIN_BASIC).status())
                    .as("%s %s with Basic", route[0], route[1])
                    .isNotEqualTo(401);
        }
    }

    @Test
    void wrong_admin_credentials_do_not_stand_in_for_a_key() {
        send(new String[] {"GET", "/lockers", null}, "X-Session-Token", "forged-token")
                .error(401, "UNAUTHORIZED");
        send(new String[] {"GET", "/lockers", null}, "Authorization", "Basic YWRtaW46d3Jvbmc=")
                .error(401, "UNAUTHORIZED");
    }

    @Test
    void transactions_and_opens_are_done_as_the_key_named_or_as_the_admin() {
        assertThat(send(new String[] {"POST", "/transactions", CREATE_BODY}, "Authorization", BEARER)
                        .status())
                .isEqualTo(201);
        assertThat(gateway.lastActor).isEqualTo(Actor.clientKey("front-desk"));

        gateway.lastActor = null;
        send(new String[] {"POST", "/transactions/order-7/open", null}, "Authorization", BEARER);
        assertThat(gateway.lastActor).isEqualTo(Actor.clientKey("front-desk"));

        send(new String[] {"DELETE", "/transactions/order-7", null}, "X-Session-Token", "valid-token");
        assertThat(gateway.lastActor).isEqualTo(Actor.admin("admin"));

        send(new String[] {"POST", "/lockers/2/open", null}, "Authorization", BEARER);
        assertThat(gateway.lastActor).isEqualTo(Actor.clientKey("front-desk"));
    }

    @Test
    void health_the_document_the_console_page_login_and_webhooks_need_no_key() {
        assertThat(client.get("/health").status()).isEqualTo(200);
        assertThat(client.get("/openapi.json").status()).isEqualTo(200);
        assertThat(client.get("/admin").status()).isEqualTo(200);
        assertThat(client.get("/admin/app.js").status()).isEqualTo(200);
        assertThat(client.send(
                                "POST",
                                "/auth/login",
                                HttpRequest.BodyPublishers.noBody(),
                                "Authorization",
                                ApiClient.ADMIN_BASIC)
                        .status())
                .isEqualTo(200);
        assertThat(client.post("/bikeep/webhooks", "{\"type\": \"status\", \"data\": [], \"hash\": \"00\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_key_never_opens_an_admin_route() {
        List<String[]> adminRoutes = List.of(
                new String[] {"GET", "/system/logs", null},
                new String[] {"POST", "/lockers/open-all", null},
                new String[] {"PATCH", "/lockers/1", "{\"outOfService\": false}"},
                new String[] {"PATCH", "/system", "{}"},
                new String[] {"GET", "/controllers", null},
                new String[] {"POST", "/system/reboot", null});
        for (String[] route : adminRoutes) {
            send(route, "Authorization", BEARER).error(401, "UNAUTHORIZED");
            send(route).error(401, "UNAUTHORIZED");
            assertThat(send(route, "X-Session-Token", "valid-token").status())
                    .as("%s %s with a session", route[0], route[1])
                    .isNotEqualTo(401);
        }
    }

    @Test
    void a_client_without_a_key_learns_nothing_from_what_it_sent() {
        client.send("POST", "/transactions", HttpRequest.BodyPublishers.ofString("x"), "Content-Type", "text/plain")
                .error(401, "UNAUTHORIZED");
    }

    private ApiClient.Reply send(String[] route, String... headers) {
        BodyPublisher body =
                route[2] == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(route[2]);
        String[] all = headers;
        if (route[2] != null) {
            all = new String[headers.length + 2];
            all[0] = "Content-Type";
            all[1] = "application/json";
            System.arraycopy(headers, 0, all, 2, headers.length);
        }
        return client.send(route[0], route[1], body, all);
    }
}
