package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.locker.RemoteReading;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The locker reads keep their serialized answers: each carries a strong ETag, {@code If-None-Match}
 * with it is answered 304 without a body, and every kind of change a locker can undergo shows at
 * once, under a new tag.
 */
class LockerReadsTest extends ApiTest {

    @Test
    void the_list_and_a_locker_carry_a_strong_etag_and_no_cache() {
        for (String path : List.of("/lockers", "/lockers/1", "/lockers?available=true")) {
            ApiClient.Reply reply = client.get(path);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("ETag")).as(path).matches("\"[A-Za-z0-9_-]{22}\"");
            assertThat(reply.header("Cache-Control")).as(path).isEqualTo("no-cache");
        }
    }

    @Test
    void reading_an_unchanged_list_again_gives_the_same_bytes_and_tag() {
        ApiClient.Reply first = client.get("/lockers");
        ApiClient.Reply second = client.get("/lockers");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void different_answers_have_different_tags() {
        List<String> tags = Stream.of(
                        "/lockers", "/lockers?available=false", "/lockers?controllerId=2", "/lockers/1", "/lockers/2")
                .map(path -> client.get(path).header("ETag"))
                .toList();
        assertThat(tags).doesNotHaveDuplicates();
    }

    @Test
    void if_none_match_with_the_current_tag_is_answered_304_with_the_tag_and_no_body() {
        for (String path : List.of("/lockers", "/lockers/3", "/lockers?lockerType=medium")) {
            String tag = client.get(path).header("ETag");
            ApiClient.Reply reply = getIfNoneMatch(path, tag);
            assertThat(reply.status()).as(path).isEqualTo(304);
            assertThat(reply.header("ETag")).as(path).isEqualTo(tag);
            assertThat(reply.header("Cache-Control")).as(path).isEqualTo("no-cache");
            assertThat(reply.body()).as(path).isEmpty();
        }
    }

    @Test
    void if_none_match_takes_lists_weak_tags_several_fields_and_the_star() {
        String tag = client.get("/lockers").header("ETag");
        assertThat(getIfNoneMatch("/lockers", "\"other\", " + tag).status()).isEqualTo(304);
        assertThat(getIfNoneMatch("/lockers", "W/" + tag).status()).isEqualTo(304);
        assertThat(getIfNoneMatch("/lockers", "*").status()).isEqualTo(304);
        assertThat(client.send(
                                "GET",
                                "/lockers",
                                HttpRequest.BodyPublishers.noBody(),
                                "If-None-Match",
                                "\"other\"",
                                "If-None-Match",
                                tag)
                        .status())
                .isEqualTo(304);
    }

    @Test
    void if_none_match_with_another_or_a_malformed_tag_gets_the_whole_answer() {
        ApiClient.Reply current = client.get("/lockers/1");
        String tag = current.header("ETag");
        String bare = tag.substring(1, tag.length() - 1);
        for (String header : List.of("\"other\"", bare, tag + " junk", "*, " + tag, "\"", "W/")) {
            ApiClient.Reply reply = getIfNoneMatch("/lockers/1", header);
            assertThat(reply.status()).as(header).isEqualTo(200);
            assertThat(reply.body()).as(header).isEqualTo(current.body());
        }
    }

    @Test
    void the_star_does_not_hide_that_a_locker_does_not_exist() {
        getIfNoneMatch("/lockers/42", "*").error(404, "LOCKER_NOT_FOUND");
    }

    @Test
    void a_locker_removed_and_read_again_is_404_and_its_tag_matches_nothing_after() {
        String tag = client.get("/lockers/4").header("ETag");
        gateway.lockers.remove(LockerId.of(4));
        getIfNoneMatch("/lockers/4", tag).error(404, "LOCKER_NOT_FOUND");
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change(
                        "a transaction books locker 1",
                        t -> t.client.post("/transactions", "{\"transactionId\": \"t-1\"}")),
                change("a transaction is released", t -> {
                    t.client.post("/transactions", "{\"transactionId\": \"t-1\"}");
                    t.snapshot();
                    t.client.delete("/transactions/t-1");
                }),
                change("a door opens", t -> t.replace(1, l -> l.withDoorOpen(true))),
                change(
                        "a locker goes out of service",
                        t -> t.client.adminPatch(
                                "/lockers/1", "{\"outOfService\": true, \"reasonCode\": \"MANUAL_DISABLE\"}")),
                change("a controller goes offline", t -> t.gateway.online.put(ControllerId.of(1), false)),
                change("a controller comes back", t -> {
                    t.gateway.online.put(ControllerId.of(1), false);
                    t.snapshot();
                    t.gateway.online.put(ControllerId.of(1), true);
                }),
                change(
                        "a locker changes type",
                        t -> t.replace(
                                1,
                                l -> new Locker(
                                        l.id(),
                                        l.controllerId(),
                                        l.bankLockerNumber(),
                                        t.gateway.medium.id(),
                                        l.device(),
                                        l.service(),
                                        l.doorOpen()))),
                change("a remote device changes state", t -> {
                    t.gateway.addBikeepLocation();
                    t.snapshot();
                    t.gateway.remote.put(
                            LockerId.of(5), new RemoteReading(DeviceState.UNLOCKED, FakeGateway.T0, null, true, false));
                }));
    }

    private static Arguments change(String name, Consumer<LockerReadsTest> change) {
        return Arguments.of(name, change);
    }

    /** What the reads answered before the change, taken again by a change that first sets the scene. */
    private final List<ApiClient.Reply> before = new ArrayList<>();

    private static final List<String> READS = List.of("/lockers", "/lockers/1");

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void every_change_shows_at_once_under_a_new_tag(String name, Consumer<LockerReadsTest> change) {
        snapshot();
        change.accept(this);

        List<ApiClient.Reply> after = READS.stream().map(client::get).toList();
        boolean listChanged = !after.get(0).body().equals(before.get(0).body());
        assertThat(listChanged).as("the list changed when %s", name).isTrue();
        for (int i = 0; i < READS.size(); i++) {
            String path = READS.get(i);
            ApiClient.Reply old = before.get(i);
            ApiClient.Reply now = after.get(i);
            if (now.body().equals(old.body())) {
                assertThat(now.header("ETag")).as(path).isEqualTo(old.header("ETag"));
                continue;
            }
            assertThat(now.header("ETag")).as(path).isNotEqualTo(old.header("ETag"));
            ApiClient.Reply revalidated = getIfNoneMatch(path, old.header("ETag"));
            assertThat(revalidated.status())
                    .as("%s revalidated after %s", path, name)
                    .isEqualTo(200);
            assertThat(revalidated.body()).as(path).isEqualTo(now.body());
            assertThat(getIfNoneMatch(path, now.header("ETag")).status())
                    .as(path)
                    .isEqualTo(304);
        }
    }

    @Test
    void a_change_to_locker_1_shows_on_locker_1_and_leaves_locker_2s_tag_alone() {
        String one = client.get("/lockers/1").header("ETag");
        String two = client.get("/lockers/2").header("ETag");
        replace(1, l -> l.withDoorOpen(true));
        assertThat(client.get("/lockers/1").json().get("doorOpen").asBoolean()).isTrue();
        assertThat(client.get("/lockers/1").header("ETag")).isNotEqualTo(one);
        assertThat(getIfNoneMatch("/lockers/2", two).status()).isEqualTo(304);
    }

    @Test
    void a_filtered_list_follows_the_change_it_filters_on() {
        int free = client.get("/lockers?available=true").json().size();
        client.post("/transactions", "{\"transactionId\": \"t-1\"}");
        assertThat(client.get("/lockers?available=true").json()).hasSize(free - 1);
        assertThat(client.get("/lockers?available=false").json()).hasSize(1);
    }

    @Test
    void a_client_that_takes_gzip_gets_the_same_json_gzip_coded_under_its_own_tag() throws Exception {
        gateway.addBikeepLocation();
        ApiClient.Reply plain = client.get("/lockers");
        assertThat(plain.body().length()).isGreaterThan(1500);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("Vary")).isEqualTo("Accept-Encoding");

        HttpResponse<byte[]> coded = gzipGet("/lockers", null);
        assertThat(coded.statusCode()).isEqualTo(200);
        assertThat(coded.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(coded.headers().firstValue("Vary")).contains("Accept-Encoding");
        String tag = coded.headers().firstValue("ETag").orElseThrow();
        assertThat(tag).isNotEqualTo(plain.header("ETag"));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(coded.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
        }

        assertThat(gzipGet("/lockers", tag).statusCode()).isEqualTo(304);
        assertThat(gzipGet("/lockers", plain.header("ETag")).statusCode()).isEqualTo(200);
        assertThat(getIfNoneMatch("/lockers", tag).status()).isEqualTo(200);
    }

    @Test
    void a_small_answer_is_not_coded_even_for_a_client_that_takes_gzip() throws Exception {
        HttpResponse<byte[]> reply = gzipGet("/lockers/1", null);
        assertThat(reply.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(reply.headers().firstValue("ETag"))
                .contains(client.get("/lockers/1").header("ETag"));
    }

    /** Outside {@link ApiClient}: its check of the body against the contract would read gzip as text. */
    private HttpResponse<byte[]> gzipGet(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Encoding", "gzip");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void snapshot() {
        before.clear();
        READS.forEach(path -> before.add(client.get(path)));
    }

    private void replace(long id, java.util.function.UnaryOperator<Locker> change) {
        gateway.lockers.computeIfPresent(LockerId.of(id), (k, l) -> change.apply(l));
    }

    private ApiClient.Reply getIfNoneMatch(String path, String tags) {
        return client.send("GET", path, HttpRequest.BodyPublishers.noBody(), "If-None-Match", tags);
    }
}
