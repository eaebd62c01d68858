package dev.harbor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.layout.DemoLayout;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.hardware.simulator.SimulatedBoard;
import dev.harbor.hardware.simulator.SimulatedFault;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The admin console in real headless Chromium against a real gateway with simulated boards: every
 * action is made by clicking the page, and checked through the API or the simulated board.
 * One gateway and one browser for the class; each test starts logged out and uses its own lockers.
 */
@Tag("browser")
class AdminConsoleBrowserTest {

    @TempDir
    static Path dataDir;

    private static ConsoleGateway gateway;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() {
        gateway = new ConsoleGateway(dataDir, Map.of());
        browser = new ConsoleBrowser(gateway.port(), 1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Every door shut (someone walked along the lockers), and a page with nobody logged in. */
    @BeforeEach
    void freshPage() {
        for (int address = 0; address <= 1; address++) {
            SimulatedBoard board = gateway.demoBoard(address);
            for (int lock = 1; lock <= board.lockCount(); lock++) {
                board.closeDoor(lock);
            }
        }
        browser.resize(1280, 900);
        browser.openConsole();
    }

    @Test
    void a_wrong_password_shows_the_login_error_and_the_right_one_opens_the_console() {
        browser.logIn(ConsoleGateway.USER, "not the password at all");

        WebElement error = browser.waitFor(d -> {
            WebElement e = browser.testId("login-error");
            return e.isDisplayed() ? e : null;
        });
        assertThat(error.getText()).contains("UNAUTHORIZED");
        assertThat(browser.all("locker-row")).isEmpty();

        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        assertThat(browser.testId("login-error").isDisplayed()).isFalse();
        assertThat(browser.all("locker-row")).hasSize(32);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#nav a[data-view=bikeep]"))
                        .isDisplayed())
                .as("no Bikeep view while the integration is off")
                .isFalse();
    }

    @Test
    void a_maintenance_open_clicked_on_the_page_reaches_the_simulated_board() {
        long lockerId = demoLocker(0, 3);
        SimulatedBoard board = gateway.demoBoard(0);
        assertThat(board.isDoorOpen(3)).isFalse();
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);

        browser.lockerRow(lockerId)
                .findElement(By.cssSelector("[data-testid=locker-open]"))
                .click();
        browser.confirm();

        String result = browser.result("Locker " + lockerId);
        assertThat(result).contains("Done");
        assertThat(board.isDoorOpen(3)).isTrue();
        assertThat(gateway.demoBoard(0).isDoorOpen(4)).isFalse();
        browser.waitFor(d -> browser.lockerRow(lockerId).getText().contains("open"));
    }

    @Test
    void cancelling_the_confirmation_opens_nothing() {
        long lockerId = demoLocker(0, 5);
        int framesBefore = gateway.demoBoard(0).receivedFrames().size();
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);

        browser.lockerRow(lockerId)
                .findElement(By.cssSelector("[data-testid=locker-open]"))
                .click();
        browser.waitFor(d -> browser.testId("confirm-cancel").isDisplayed());
        browser.testId("confirm-cancel").click();

        browser.waitFor(d -> !browser.testId("confirm-ok").isDisplayed());
        assertThat(gateway.demoBoard(0).isDoorOpen(5)).isFalse();
        assertThat(openFramesSince(gateway.demoBoard(0), framesBefore)).isZero();
    }

    @Test
    void a_door_that_does_not_open_shows_the_api_error_code() {
        long lockerId = demoLocker(1, 2);
        gateway.demoBoard(1).injectLockFault(2, SimulatedFault.LOCK_STUCK);
        try {
            browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
            browser.lockerRow(lockerId)
                    .findElement(By.cssSelector("[data-testid=locker-open]"))
                    .click();
            browser.confirm();

            assertThat(browser.result("HARDWARE_FAULT")).contains("Failed").contains("Locker " + lockerId);
        } finally {
            gateway.demoBoard(1).clearFaults();
        }
    }

    @Test
    void taking_a_locker_out_of_service_and_back_is_what_the_api_then_reports() {
        long lockerId = demoLocker(0, 7);
        assertThat(gateway.locker(lockerId).get("outOfService").asBoolean()).isFalse();
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);

        browser.lockerRow(lockerId)
                .findElement(By.cssSelector("[data-testid=locker-service]"))
                .click();
        browser.fillDialogField("Reason", "HARDWARE_FAILURE");
        browser.fillDialogField("Note (optional)", "hinge broken");
        browser.confirm();
        browser.result("out of service");

        JsonNode out = gateway.locker(lockerId);
        assertThat(out.get("outOfService").asBoolean()).isTrue();
        assertThat(out.get("reasonCode").asText()).isEqualTo("HARDWARE_FAILURE");
        assertThat(out.get("reason").asText()).isEqualTo("hinge broken");
        browser.waitFor(d -> browser.lockerRow(lockerId).getText().contains("Out of service: HARDWARE_FAILURE"));

        browser.lockerRow(lockerId)
                .findElement(By.cssSelector("[data-testid=locker-service]"))
                .click();
        browser.confirm();
        browser.result("back in service");

        JsonNode back = gateway.locker(lockerId);
        assertThat(back.get("outOfService").asBoolean()).isFalse();
        assertThat(back.get("reasonCode").isNull()).isTrue();
    }

    @Test
    void problems_only_shows_just_the_lockers_out_of_service() {
        long lockerId = demoLocker(1, 9);
        assertThat(gateway.api("PATCH", "/lockers/" + lockerId, "{\"outOfService\":true,\"reasonCode\":\"VANDALISM\"}")
                        .status())
                .isEqualTo(200);
        try {
            browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
            browser.driver().findElement(By.id("filter-problems")).click();

            browser.waitFor(d -> browser.all("locker-row").size() < 32);
            List<String> shown = new ArrayList<>();
            browser.all("locker-row").forEach(row -> shown.add(row.getAttribute("data-locker-id")));
            assertThat(shown).contains(String.valueOf(lockerId));
            shown.forEach(id -> {
                JsonNode locker = gateway.locker(Long.parseLong(id));
                assertThat(locker.get("outOfService").asBoolean()
                                || !locker.get("operational").asBoolean()
                                || locker.get("doorOpen").asBoolean(false))
                        .as("locker %s shown as a problem", id)
                        .isTrue();
            });
        } finally {
            gateway.api("PATCH", "/lockers/" + lockerId, "{\"outOfService\":false}");
        }
    }

    @Test
    void a_simulated_controller_added_and_removed_on_the_page_exists_and_then_does_not() {
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        startAddingSimulatedController("Tower C", "kerong-cu48", "console-test", 4);
        browser.fillDialogField("Lockers", "count");
        browser.fillDialogField("Number of lockers", "6");
        browser.confirm();
        browser.result("Tower C added with 6 lockers");

        JsonNode added = findController("Tower C");
        assertThat(added).as("GET /controllers lists Tower C").isNotNull();
        long controllerId = added.get("controllerId").asLong();
        assertThat(added.get("protocol").asText()).isEqualTo("kerong-cu48");
        assertThat(added.get("transport").get("bus").asText()).isEqualTo("console-test");
        assertThat(added.get("lockerCount").asInt()).isEqualTo(6);
        assertThat(gateway.hasSimulatedBoard("console-test", 4)).isTrue();
        WebElement row = browser.controllerRow(controllerId);
        assertThat(row.getText()).contains("Tower C");

        row.findElement(By.cssSelector("[data-testid=controller-remove]")).click();
        String question = browser.waitFor(d -> {
            WebElement dialog = d.findElement(By.id("dialog"));
            return dialog.isDisplayed() ? dialog.getText() : null;
        });
        assertThat(question).contains("Tower C").contains("6 lockers");
        browser.confirm();
        browser.result("Tower C removed");

        assertThat(gateway.api("GET", "/controllers/" + controllerId, null).status())
                .isEqualTo(404);
        assertThat(findController("Tower C")).isNull();
        browser.waitFor(d -> d.findElements(
                        By.cssSelector("[data-testid=controller-row][data-controller-id='" + controllerId + "']"))
                .isEmpty());
    }

    @Test
    void a_refused_controller_keeps_the_dialog_open_with_the_api_message() {
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        startAddingSimulatedController("Clash", "kerong-cu16", DemoLayout.BUS, 0);
        browser.confirm();

        assertThat(browser.dialogProblem()).contains("(INVALID_STATE)");
        assertThat(findController("Clash")).isNull();
        browser.testId("confirm-cancel").click();
    }

    @Test
    void a_scan_without_mdns_configured_shows_the_setting_to_set() {
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        browser.goTo("controllers");

        browser.driver().findElement(By.id("controller-scan")).click();

        assertThat(browser.result("INVALID_STATE")).contains("HARBOR_MDNS_ADDRESS");
    }

    @Test
    void saving_the_door_open_policy_changes_what_get_system_reports() {
        JsonNode before = gateway.api("GET", "/system", null).body().get("config");
        int attempts = before.get("doorOpenPolicy").get("maxAttempts").asInt() == 5 ? 4 : 5;
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        browser.goTo("settings");
        WebElement maxAttempts = browser.driver().findElement(By.id("set-max-attempts"));
        browser.waitFor(d -> !maxAttempts.getAttribute("value").isEmpty());

        browser.type(maxAttempts, String.valueOf(attempts));
        browser.type(browser.driver().findElement(By.id("set-delay")), "750");
        browser.testId("settings-save").click();
        browser.result("Settings saved");

        JsonNode after = gateway.api("GET", "/system", null).body().get("config");
        assertThat(after.get("doorOpenPolicy").get("maxAttempts").asInt()).isEqualTo(attempts);
        assertThat(after.get("doorOpenPolicy").get("delayMs").asInt()).isEqualTo(750);
        assertThat(after.get("doorOpenPolicy").get("attemptTimeoutMs"))
                .isEqualTo(before.get("doorOpenPolicy").get("attemptTimeoutMs"));
        assertThat(after.get("name")).isEqualTo(before.get("name"));
    }

    @Test
    void an_invalid_setting_shows_the_api_error_and_changes_nothing() {
        JsonNode before = gateway.api("GET", "/system", null).body().get("config");
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        browser.goTo("settings");
        WebElement maxAttempts = browser.driver().findElement(By.id("set-max-attempts"));
        browser.waitFor(d -> !maxAttempts.getAttribute("value").isEmpty());

        browser.type(maxAttempts, "11");
        browser.testId("settings-save").click();

        assertThat(browser.result("INVALID_REQUEST")).contains("not saved");
        assertThat(gateway.api("GET", "/system", null).body().get("config")).isEqualTo(before);
    }

    @Test
    void logging_out_returns_to_the_login_form_and_the_old_token_gets_401() {
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        String token = (String) browser.js("return sessionStorage.getItem('harbor.session')");
        assertThat(token).isNotBlank();
        assertThat(gateway.unauthenticated("GET", "/controllers", "X-Session-Token", token)
                        .status())
                .isEqualTo(200);

        browser.testId("logout").click();

        browser.waitFor(d -> browser.visible(By.cssSelector("[data-testid=login-username]")));
        assertThat(browser.testId("logout").isDisplayed()).isFalse();
        assertThat(browser.js("return sessionStorage.getItem('harbor.session')"))
                .isNull();
        AdminHttp.Reply after = gateway.unauthenticated("GET", "/controllers", "X-Session-Token", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.error()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_session_ended_elsewhere_brings_the_login_form_back_with_a_message() {
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        String token = (String) browser.js("return sessionStorage.getItem('harbor.session')");

        assertThat(gateway.unauthenticated("POST", "/auth/logout", "X-Session-Token", token)
                        .status())
                .isEqualTo(204);

        // The next live refresh (every 2 s) gets the 401.
        String notice = browser.waitFor(d -> {
            WebElement n = d.findElement(By.id("login-notice"));
            return n.isDisplayed() ? n.getText() : null;
        });
        assertThat(notice).contains("session has ended").contains("UNAUTHORIZED");
        assertThat(browser.testId("login-username").isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.id("console")).isDisplayed()).isFalse();
    }

    @Test
    void open_all_does_nothing_until_the_gateway_name_is_typed_then_opens_every_door() {
        String name = gateway.api("GET", "/system", null).body().get("name").asText();
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        int framesBefore = gateway.demoBoard(1).receivedFrames().size();

        browser.testId("open-all").click();
        WebElement typed = browser.waitFor(d -> {
            WebElement input = d.findElement(By.id("dialog-typed-input"));
            return input.isDisplayed() ? input : null;
        });
        browser.type(typed, "not the name");
        browser.testId("confirm-ok").click();

        assertThat(browser.testId("confirm-ok").isDisplayed())
                .as("the dialog stays open")
                .isTrue();
        assertThat(openFramesSince(gateway.demoBoard(1), framesBefore)).isZero();

        browser.type(typed, name);
        browser.testId("confirm-ok").click();

        assertThat(browser.result("of 32 doors opened")).contains("32 of 32 doors opened");
        for (int lock = 1; lock <= 16; lock++) {
            assertThat(gateway.demoBoard(1).isDoorOpen(lock))
                    .as("lock %d of board 1", lock)
                    .isTrue();
        }
    }

    @Test
    void releasing_a_transaction_on_the_page_frees_its_locker() {
        AdminHttp.Reply created = gateway.api(
                "POST", "/transactions", "{\"transactionId\":\"console-release-1\",\"lockerType\":\"large\"}");
        assertThat(created.status()).isEqualTo(201);
        long lockerId = created.body().get("lockerId").asLong();
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        browser.goTo("transactions");

        WebElement row = browser.waitFor(d -> d.findElement(
                By.cssSelector("[data-testid=transaction-row][data-transaction-id='console-release-1']")));
        row.findElement(By.cssSelector("[data-testid=transaction-release]")).click();
        browser.confirm();
        browser.result("console-release-1 released");

        assertThat(gateway.api("GET", "/transactions/console-release-1", null).status())
                .isEqualTo(404);
        assertThat(gateway.locker(lockerId).get("transactionId").isNull()).isTrue();
    }

    @Test
    void an_api_value_with_markup_is_shown_as_text_and_never_runs() {
        String hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
        long lockerId = demoLocker(1, 12);
        assertThat(gateway.api(
                                "PATCH",
                                "/lockers/" + lockerId,
                                "{\"outOfService\":true,\"reasonCode\":\"OTHER\",\"reason\":" + quoted(hostile) + "}")
                        .status())
                .isEqualTo(200);
        try {
            browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);

            String rowText = browser.waitFor(d -> {
                String text = browser.lockerRow(lockerId).getText();
                return text.contains("<script>") ? text : null;
            });
            assertThat(rowText).contains(hostile);
            assertThat(browser.js("return window.__pwned === undefined")).isEqualTo(true);
            assertThat(browser.lockerRow(lockerId).findElements(By.tagName("script")))
                    .isEmpty();
            assertThat(browser.lockerRow(lockerId).findElements(By.tagName("img")))
                    .isEmpty();
        } finally {
            gateway.api("PATCH", "/lockers/" + lockerId, "{\"outOfService\":false}");
        }
    }

    @Test
    void the_page_comes_with_a_strict_content_security_policy_and_refuses_framing() {
        HttpResponse<String> page = gateway.raw("/admin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body())
                .as("no inline script in the page")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");

        // The browser obeys it: an inline script injected into the live page does not run.
        browser.js("const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
                + " document.body.appendChild(s);");
        assertThat(browser.js("return window.__inline === undefined")).isEqualTo(true);
    }

    @Test
    void the_logs_view_shows_the_audit_trail_of_what_the_page_did() {
        long lockerId = demoLocker(0, 14);
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        browser.lockerRow(lockerId)
                .findElement(By.cssSelector("[data-testid=locker-service]"))
                .click();
        browser.fillDialogField("Reason", "MAINTENANCE");
        browser.confirm();
        browser.result("out of service");
        gateway.api("PATCH", "/lockers/" + lockerId, "{\"outOfService\":false}");

        browser.goTo("logs");
        browser.driver().findElement(By.id("log-audit")).click();

        List<String> audit = browser.waitFor(d -> {
            List<String> texts = new ArrayList<>();
            browser.all("logs-row").forEach(row -> texts.add(row.getText()));
            return texts.stream().anyMatch(t -> t.contains(ConsoleGateway.USER) && t.contains("MAINTENANCE"))
                    ? texts
                    : null;
        });
        assertThat(audit).allSatisfy(text -> assertThat(text).contains("audit trail"));
    }

    @Test
    void on_a_phone_the_lockers_fit_the_screen_without_sideways_scrolling() {
        browser.resize(360, 780);
        browser.openConsole();
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);

        for (String view : List.of("lockers", "controllers", "settings", "logs", "health")) {
            browser.goTo(view);
            Number overflow = (Number)
                    browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue())
                    .as("sideways overflow of %s at 360 px", view)
                    .isLessThanOrEqualTo(0);
        }
        browser.goTo("lockers");
        WebElement open = browser.lockerRow(demoLocker(0, 1)).findElement(By.cssSelector("[data-testid=locker-open]"));
        assertThat(open.isDisplayed()).isTrue();
        assertThat(open.getRect().getX() + open.getRect().getWidth()).isLessThanOrEqualTo(360);
    }

    @Test
    void the_keyboard_alone_logs_in_cancels_with_escape_and_confirms_an_open() {
        long lockerId = demoLocker(1, 15);
        SimulatedBoard board = gateway.demoBoard(1);
        WebElement username = browser.testId("login-username");
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(username);
        username.sendKeys(ConsoleGateway.USER + Keys.TAB + ConsoleGateway.PASSWORD + Keys.ENTER);
        browser.waitFor(d -> browser.visible(By.cssSelector("[data-testid=locker-row]")));

        WebElement open = browser.lockerRow(lockerId).findElement(By.cssSelector("[data-testid=locker-open]"));
        browser.js("arguments[0].focus()", open);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitFor(d -> browser.testId("confirm-cancel").isDisplayed());
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(browser.testId("confirm-cancel"));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitFor(d -> !browser.testId("confirm-ok").isDisplayed());
        assertThat(board.isDoorOpen(15)).isFalse();

        browser.js("arguments[0].focus()", open);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitFor(d -> browser.testId("confirm-cancel").isDisplayed());
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(browser.testId("confirm-ok"));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

        browser.result("Locker " + lockerId);
        assertThat(board.isDoorOpen(15)).isTrue();
    }

    @Test
    void every_control_on_every_view_has_a_name_a_screen_reader_can_read() {
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        for (String view : List.of("lockers", "transactions", "controllers", "logs", "settings", "health")) {
            browser.goTo(view);
            @SuppressWarnings("unchecked")
            List<String> unnamed = (List<String>) browser.js("""
                    const named = (el) => (el.getAttribute('aria-label') || '').trim()
                        || (el.labels && [...el.labels].some((l) => l.textContent.trim()))
                        || (el.tagName === 'BUTTON' && el.textContent.trim());
                    return [...document.querySelectorAll('button, input, select, a[href]')]
                        .filter((el) => el.offsetParent !== null)
                        .filter((el) => el.tagName === 'A' ? !el.textContent.trim() : !named(el))
                        .map((el) => el.outerHTML.slice(0, 120));
                    """);
            assertThat(unnamed).as("controls without a name on %s", view).isEmpty();
        }
    }

    /** Opens "Add a controller" and fills in a simulated board, leaving the locker fields as they are. */
    private static void startAddingSimulatedController(String name, String protocol, String bus, int address) {
        browser.goTo("controllers");
        browser.driver().findElement(By.id("controller-add")).click();
        browser.fillDialogField("Name", name);
        browser.fillDialogField("Protocol", protocol);
        browser.fillDialogField("Connection", "simulated");
        browser.fillDialogField("Simulated bus", bus);
        browser.fillDialogField("Board address", String.valueOf(address));
    }

    /** The locker id of a demo board's lock, read from the API. */
    private static long demoLocker(int boardAddress, int lock) {
        String controllerName = boardAddress == 0 ? "Demo tower A" : "Demo tower B";
        long controllerId = findController(controllerName).get("controllerId").asLong();
        for (JsonNode locker : gateway.api("GET", "/lockers?controllerId=" + controllerId, null)
                .body()) {
            if (locker.get("bankLockerNumber").asInt() == lock) {
                return locker.get("lockerId").asLong();
            }
        }
        throw new AssertionError("no lock " + lock + " on " + controllerName);
    }

    private static JsonNode findController(String name) {
        for (JsonNode controller : gateway.api("GET", "/controllers", null).body()) {
            if (controller.get("name").asText().equals(name)) {
                return controller;
            }
        }
        return null;
    }

    /** Kerong CU16 open and open-all frames (function 0x31, 0x33) a board received after its first {@code skip}. */
    private static long openFramesSince(SimulatedBoard board, int skip) {
        List<byte[]> frames = board.receivedFrames();
        return frames.subList(Math.min(skip, frames.size()), frames.size()).stream()
                .filter(f -> f.length > 2 && (f[2] == 0x31 || f[2] == 0x33))
                .count();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
