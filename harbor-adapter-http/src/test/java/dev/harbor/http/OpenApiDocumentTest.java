package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest extends ApiTest {

    @Test
    void every_registered_route_is_documented_and_every_documented_operation_is_registered() {
        assertThat(OpenApiContract.INSTANCE.operations()).containsExactlyInAnyOrderElementsOf(api.routes());
    }

    @Test
    void the_document_is_served_as_json() {
        ApiClient.Reply reply = client.get("/openapi.json");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json()).isEqualTo(OpenApiContract.INSTANCE.document);
    }

    @Test
    void the_document_is_openapi_3_1_so_its_schemas_are_json_schema_2020_12() {
        JsonNode document = OpenApiContract.INSTANCE.document;
        assertThat(document.get("openapi").asText()).startsWith("3.1");
    }

    @Test
    void every_answer_about_a_bikeep_location_or_device_is_documented_on_its_route() {
        String[][] expected = {
            {"POST /transactions", "503"},
            {"DELETE /transactions/{transactionId}", "503"},
            {"POST /transactions/{transactionId}/open", "409"},
            {"POST /lockers/{lockerId}/open", "409"},
            {"POST /controllers", "400"},
            {"POST /controllers", "409"},
            {"POST /controllers", "503"},
            {"PATCH /controllers/{controllerId}", "409"},
            {"POST /controllers/{controllerId}/replace", "409"},
            {"PATCH /controllers/{controllerId}/locker-count", "409"},
        };
        for (String[] e : expected) {
            assertThat(OpenApiContract.INSTANCE
                            .operation(e[0])
                            .at("/responses/" + e[1])
                            .isMissingNode())
                    .as(e[0] + " " + e[1])
                    .isFalse();
        }
    }

    @Test
    void every_operation_documents_its_errors_and_every_body_has_a_schema() {
        for (String operation : OpenApiContract.INSTANCE.operations()) {
            JsonNode node = OpenApiContract.INSTANCE.operation(operation);
            assertThat(node.at("/responses/default").isMissingNode())
                    .as(operation)
                    .isFalse();
            if (node.has("requestBody")) {
                assertThat(node.at("/requestBody/content/application~1json/schema")
                                .isMissingNode())
                        .as(operation)
                        .isFalse();
                assertThat(node.at("/responses/400").isMissingNode())
                        .as(operation)
                        .isFalse();
                assertThat(node.at("/responses/413").isMissingNode())
                        .as(operation)
                        .isFalse();
                assertThat(node.at("/responses/415").isMissingNode())
                        .as(operation)
                        .isFalse();
            }
        }
    }
}
