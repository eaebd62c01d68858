package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /admin} and its files: served from the jar, always with the security headers. */
class AdminConsoleRoutesTest extends ApiTest {

    @Test
    void the_page_is_html_under_a_policy_that_allows_no_inline_script_and_no_framing() {
        ApiClient.Reply page = client.get("/admin");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).matches("text/html; ?charset=utf-8");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.body()).contains("data-testid=\"login-username\"");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(page.body()).doesNotContainPattern("\\son[a-z]+=");
        assertThat(page.body()).doesNotContain("style=\"");
    }

    @Test
    void every_file_the_page_and_its_modules_name_is_served_with_its_type() {
        String page = client.get("/admin").body();
        List<String> files = referenced(page, "(?:src|href)=\"/admin/([^\"]+)\"");
        assertThat(files).contains("app.js", "console.css", "icon.svg");
        for (String file : files) {
            ApiClient.Reply reply = client.get("/admin/" + file);
            assertThat(reply.status()).as(file).isEqualTo(200);
            assertThat(reply.header("Content-Security-Policy")).as(file).isNotNull();
            String type = reply.header("Content-Type");
            if (file.endsWith(".js")) {
                assertThat(type).as(file).matches("text/javascript; ?charset=utf-8");
                // Each module's imports must be served too (a missing one breaks the whole page).
                for (String imported : referenced(reply.body(), "from '\\./([a-z0-9-]+\\.js)'")) {
                    assertThat(client.get("/admin/" + imported).status())
                            .as(file + " imports " + imported)
                            .isEqualTo(200);
                }
            }
        }
    }

    @Test
    void no_script_of_the_console_writes_markup_into_the_page() {
        for (String module : referenced(client.get("/admin/app.js").body(), "from '\\./([a-z0-9-]+\\.js)'")) {
            String source = client.get("/admin/" + module).body();
            assertThat(source)
                    .as(module)
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        }
    }

    @Test
    void an_unknown_or_climbing_file_name_is_a_404_error_body_with_the_headers_still_on() {
        for (String path : List.of("/admin/nothing.js", "/admin/..%2Fopenapi.json", "/admin/App.js", "/admin/x.html")) {
            ApiClient.Reply reply = client.get(path).error(404, "NOT_FOUND");
            assertThat(reply.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    private static List<String> referenced(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.results().map(m -> m.group(1)).distinct().toList();
    }
}
