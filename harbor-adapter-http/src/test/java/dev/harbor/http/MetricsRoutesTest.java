package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.auth.ClientKeys;
import dev.harbor.application.auth.ClientKeys.NamedKey;
import dev.harbor.http.RecordingHttpMetrics.Served;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsRoutesTest extends ApiTest {

    @Test
    void metrics_are_served_in_the_prometheus_text_format() {
        ApiClient.Reply reply = client.get("/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(reply.body()).isEqualTo(RecordingHttpMetrics.SCRAPE);
    }

    @Test
    void a_request_is_reported_by_its_route_template_and_never_by_its_path() {
        client.get("/lockers/3");
        client.get("/transactions/order-4711-secret");
        client.get("/no-such-route/order-4711-secret").error(404, "NOT_FOUND");

        assertThat(metrics.served)
                .extracting(Served::method, Served::route, Served::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET", "/lockers/{lockerId}", 200),
                        org.assertj.core.groups.Tuple.tuple("GET", "/transactions/{transactionId}", 404),
                        org.assertj.core.groups.Tuple.tuple("GET", HttpMetrics.UNMATCHED, 404));
        assertThat(metrics.served)
                .allSatisfy(served -> assertThat(served.nanos()).isNotNegative());
    }

    @Test
    void without_metrics_there_is_no_metrics_route() {
        HttpApi bare = HttpApi.builder(gateway.useCases()).build();
        try {
            new ApiClient(bare.start("127.0.0.1", 0)).get("/metrics").error(404, "NOT_FOUND");
        } finally {
            bare.stop();
        }
    }

    @Test
    void with_client_keys_metrics_need_a_key_as_the_local_api_does() {
        String key = "prometheus-0123456789abcdef";
        HttpApi keyed = HttpApi.builder(gateway.useCases())
                .clientKeys(ClientKeys.of(List.of(new NamedKey("prometheus", key))))
                .metrics(new RecordingHttpMetrics())
                .build();
        try {
            ApiClient keyedClient = new ApiClient(keyed.start("127.0.0.1", 0));
            keyedClient.get("/metrics").error(401, "UNAUTHORIZED");
            ApiClient.Reply reply = keyedClient.send(
                    "GET", "/metrics", HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + key);
            assertThat(reply.status()).isEqualTo(200);
        } finally {
            keyed.stop();
        }
    }
}
