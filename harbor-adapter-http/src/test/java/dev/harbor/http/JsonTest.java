package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.http.internal.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private final ObjectMapper mapper = Json.mapper();

    record Sample(Integer count, Boolean flag, String text) {}

    @Test
    void timestamps_always_have_exactly_three_fraction_digits_in_utc() throws Exception {
        assertThat(mapper.writeValueAsString(Instant.parse("2026-02-20T22:56:40Z")))
                .isEqualTo("\"2026-02-20T22:56:40.000Z\"");
        assertThat(mapper.writeValueAsString(Instant.parse("2026-02-20T22:56:40.1Z")))
                .isEqualTo("\"2026-02-20T22:56:40.100Z\"");
        assertThat(mapper.writeValueAsString(Instant.parse("2026-02-20T22:56:40.123456789Z")))
                .isEqualTo("\"2026-02-20T22:56:40.123Z\"");
    }

    @Test
    void null_fields_are_written() throws Exception {
        assertThat(mapper.writeValueAsString(new Sample(null, null, null)))
                .isEqualTo("{\"count\":null,\"flag\":null,\"text\":null}");
    }

    @Test
    void scalars_are_never_coerced_between_types() {
        assertThatThrownBy(() -> mapper.readValue("{\"count\": \"5\"}", Sample.class))
                .isNotNull();
        assertThatThrownBy(() -> mapper.readValue("{\"count\": 5.5}", Sample.class))
                .isNotNull();
        assertThatThrownBy(() -> mapper.readValue("{\"count\": true}", Sample.class))
                .isNotNull();
        assertThatThrownBy(() -> mapper.readValue("{\"flag\": 1}", Sample.class))
                .isNotNull();
        assertThatThrownBy(() -> mapper.readValue("{\"flag\": \"true\"}", Sample.class))
                .isNotNull();
        assertThatThrownBy(() -> mapper.readValue("{\"text\": 5}", Sample.class))
                .isNotNull();
        assertThatThrownBy(() -> mapper.readValue("{\"text\": false}", Sample.class))
                .isNotNull();
    }

    @Test
    void unknown_properties_duplicate_keys_and_trailing_content_are_refused() {
        assertThatThrownBy(() -> mapper.readValue("{\"other\": 1}", Sample.class))
                .isNotNull();
        assertThatThrownBy(() -> mapper.readValue("{\"text\": \"a\", \"text\": \"b\"}", Sample.class))
                .isNotNull();
        assertThatThrownBy(() -> mapper.readValue("{\"text\": \"a\"} {}", Sample.class))
                .isNotNull();
    }

    @Test
    void well_typed_values_are_read() throws Exception {
        assertThat(mapper.readValue("{\"count\": 5, \"flag\": true, \"text\": \"t\"}", Sample.class))
                .isEqualTo(new Sample(5, true, "t"));
        assertThat(mapper.readValue("{\"a\": {\"b\": [1, 2]}}", Map.class)).containsKey("a");
    }
}
