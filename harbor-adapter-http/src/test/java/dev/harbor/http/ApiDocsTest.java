package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api/README.md, the API's page in the repository, names every operation the contract has. */
class ApiDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "api", "README.md");

    @Test
    void the_api_page_lists_every_documented_operation() throws IOException {
        String page = Files.readString(PAGE);

        for (String operation : OpenApiContract.INSTANCE.operations()) {
            assertThat(page).as("docs/api/README.md lists %s", operation).contains("`" + operation + "`");
        }
    }

    @Test
    void the_api_page_names_every_error_code_of_the_contract() throws IOException {
        String page = Files.readString(PAGE);

        OpenApiContract.INSTANCE
                .errorCodes()
                .forEach(code ->
                        assertThat(page).as("docs/api/README.md names %s", code).contains("`" + code + "`"));
    }
}
