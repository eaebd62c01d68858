package dev.harbor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The login form under the gateway's lockout (three failures lock the address out for two
 * seconds here): the page says when to try again, and the right password works once that passed.
 * A gateway of its own, so the lockout touches no other test.
 */
@Tag("browser")
class ConsoleLoginThrottleBrowserTest {

    @TempDir
    Path dataDir;

    private ConsoleGateway gateway;
    private ConsoleBrowser browser;

    @BeforeEach
    void start() {
        gateway = new ConsoleGateway(dataDir, Map.of());
        browser = new ConsoleBrowser(gateway.port(), 1280, 900);
        browser.openConsole();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void repeated_wrong_passwords_show_when_to_try_again_and_the_right_one_works_after_that()
            throws InterruptedException {
        String text = "";
        for (int attempt = 0; attempt < 5 && !text.contains("TOO_MANY_REQUESTS"); attempt++) {
            browser.logIn(ConsoleGateway.USER, "wrong password " + attempt);
            // The form hides the last answer when it sends, so a shown error is this attempt's.
            text = browser.waitFor(d -> {
                WebElement error = browser.testId("login-error");
                return error.isDisplayed() ? error.getText() : null;
            });
        }

        assertThat(text).contains("TOO_MANY_REQUESTS");
        Matcher wait = Pattern.compile("Try again in (\\d+) s").matcher(text);
        assertThat(wait.find()).as(text).isTrue();
        int seconds = Integer.parseInt(wait.group(1));
        assertThat(seconds).isBetween(1, 4);

        Thread.sleep(seconds * 1000L + 300);
        browser.logIn(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        browser.waitFor(d -> browser.visible(By.cssSelector("[data-testid=logout]")));
        assertThat(browser.testId("login-error").isDisplayed()).isFalse();
    }
}
