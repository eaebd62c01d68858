package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The test oracle itself: it must reject what does not match the document. */
class OpenApiContractTest {

    private final OpenApiContract contract = OpenApiContract.INSTANCE;
    private static final String JSON = "application/json; charset=utf-8";
    private static final String ERROR =
            "{\"error\":\"NOT_FOUND\",\"message\":\"m\",\"timestamp\":\"2026-02-20T22:56:40.123Z\",\"details\":{}}";

    @Test
    void a_conforming_error_body_passes() {
        assertThat(contract.check("GET", "/nope", 404, JSON, ERROR)).isEmpty();
        assertThat(contract.check("GET", "/lockers/7", 404, JSON, ERROR)).isEmpty();
    }

    @Test
    void a_body_missing_required_fields_fails() {
        assertThat(contract.check("GET", "/lockers/7", 200, JSON, "{}")).isNotEmpty();
    }

    @Test
    void a_timestamp_without_exactly_three_fraction_digits_fails() {
        assertThat(contract.check("GET", "/nope", 404, JSON, ERROR.replace(".123Z", "Z")))
                .isNotEmpty();
        assertThat(contract.check("GET", "/nope", 404, JSON, ERROR.replace(".123Z", ".123456Z")))
                .isNotEmpty();
    }

    @Test
    void error_details_must_map_strings_to_strings() {
        assertThat(contract.check("GET", "/nope", 404, JSON, ERROR.replace("{}}", "{\"a\":1}}")))
                .isNotEmpty();
    }

    @Test
    void an_unknown_field_fails() {
        assertThat(contract.check("GET", "/nope", 404, JSON, ERROR.replace("{\"error\"", "{\"extra\":1,\"error\"")))
                .isNotEmpty();
    }

    @Test
    void a_non_json_content_type_fails() {
        assertThat(contract.check("GET", "/nope", 404, "text/html", ERROR)).isNotEmpty();
    }

    @Test
    void an_undocumented_success_status_fails() {
        assertThatThrownBy(() -> contract.check("GET", "/lockers", 202, JSON, "[]"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void a_fixed_path_is_matched_before_a_template() {
        assertThat(contract.template("/lockers/config")).contains("/lockers/config");
        assertThat(contract.template("/lockers/12")).contains("/lockers/{lockerId}");
        assertThat(contract.template("/lockers/12/open")).contains("/lockers/{lockerId}/open");
    }
}
