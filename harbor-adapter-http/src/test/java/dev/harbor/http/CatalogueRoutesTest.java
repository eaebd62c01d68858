package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CatalogueRoutesTest extends ApiTest {

    @Test
    void locker_types_are_listed_as_summaries() {
        JsonNode types = client.get("/locker-types").json();
        assertThat(types).hasSize(2);
        assertThat(types.get(1).get("lockerTypeId").asLong()).isEqualTo(2);
        assertThat(types.get(1).get("slug").asText()).isEqualTo("medium");
        assertThat(types.get(1).get("name").asText()).isEqualTo("Medium");
        assertThat(types.get(1).has("widthMm")).isFalse();
    }

    @Test
    void a_locker_type_is_found_by_id_and_by_slug() {
        JsonNode byId = client.get("/locker-types/2").json();
        JsonNode bySlug = client.get("/locker-types/medium").json();
        assertThat(byId).isEqualTo(bySlug);
        assertThat(byId.get("widthMm").asInt()).isEqualTo(400);
        assertThat(byId.get("description").asText()).isEqualTo("Fits a parcel");
        assertThat(byId.get("createdAt").asText()).isEqualTo("2026-02-20T22:56:40.005Z");
    }

    @Test
    void a_locker_type_without_sizes_shows_them_as_null() {
        JsonNode small = client.get("/locker-types/small").json();
        assertThat(small.get("widthMm").isNull()).isTrue();
        assertThat(small.get("description").isNull()).isTrue();
    }

    @Test
    void an_unknown_locker_type_is_404() {
        client.get("/locker-types/99").error(404, "LOCKER_TYPE_NOT_FOUND");
        client.get("/locker-types/huge").error(404, "LOCKER_TYPE_NOT_FOUND");
    }

    @Test
    void a_locker_type_reference_that_is_neither_id_nor_slug_is_an_invalid_request() {
        client.get("/locker-types/0").error(400, "INVALID_REQUEST");
        client.get("/locker-types/Not_A_Slug").error(400, "INVALID_REQUEST");
    }

    @Test
    void bank_types_are_listed_with_the_doc_fields() {
        JsonNode bank = client.get("/bank-types").json().get(0);
        assertThat(bank.get("bankTypeId").asLong()).isEqualTo(1);
        assertThat(bank.get("friendlyName").asText()).isEqualTo("Tower 2");
        assertThat(bank.get("isDebug").asBoolean()).isFalse();
        assertThat(bank.get("lockerCount").asInt()).isEqualTo(2);
        assertThat(bank.has("associations")).isFalse();
    }

    @Test
    void a_bank_type_shows_its_associations_in_locker_number_order() {
        JsonNode bank = client.get("/bank-types/1").json();
        assertThat(bank.get("associations")).hasSize(2);
        assertThat(bank.at("/associations/0/bankLockerNumber").asInt()).isEqualTo(1);
        assertThat(bank.at("/associations/0/lockerType/slug").asText()).isEqualTo("small");
        assertThat(bank.at("/associations/1/lockerType/slug").asText()).isEqualTo("medium");
    }

    @Test
    void an_unknown_bank_type_is_404() {
        client.get("/bank-types/9").error(404, "BANK_TYPE_NOT_FOUND");
    }

    @Test
    void a_bank_type_id_that_is_not_a_positive_number_is_an_invalid_request() {
        client.get("/bank-types/tower").error(400, "INVALID_REQUEST");
        client.get("/bank-types/-3").error(400, "INVALID_REQUEST");
    }
}
