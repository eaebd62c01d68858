package dev.harbor.app.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the operating system's packages ({@code chromium}, {@code chromium-driver};
 * {@code .ci/run} installs them), driven by Selenium, pointed at one gateway on loopback. Both
 * paths can be changed with {@code HARBOR_CHROMIUM} and {@code HARBOR_CHROMEDRIVER}. The driver
 * is given explicitly, so Selenium Manager never tries to download one.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    ConsoleBrowser(int port, int width, int height) {
        String chromium = pathOf("HARBOR_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = pathOf("HARBOR_CHROMEDRIVER", "/usr/bin/chromedriver");
        try {
            this.profile = Files.createTempDirectory("harbor-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--no-first-run",
                "--no-default-browser-check",
                "--force-device-scale-factor=1",
                "--hide-scrollbars",
                "--lang=en-GB",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://127.0.0.1:" + port;
        resize(width, height);
    }

    private static String pathOf(String variable, String fallback) {
        String path = System.getenv().getOrDefault(variable, fallback);
        if (!new File(path).canExecute()) {
            throw new IllegalStateException(path + " is missing: the console's browser tests need Debian's chromium"
                    + " and chromium-driver (apt-get install chromium chromium-driver), or " + variable);
        }
        return path;
    }

    /** The viewport itself is width × height (headless Chromium has no window frame). */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A fresh page at {@code /admin}: no session left from an earlier test. */
    void openConsole() {
        driver.get(base + "/admin");
        js("sessionStorage.clear()");
        driver.navigate().refresh();
        waitFor(d -> visible(By.cssSelector("[data-testid=login-username]")));
    }

    void logIn(String username, String password) {
        type(testId("login-username"), username);
        type(testId("login-password"), password);
        testId("login-submit").click();
    }

    void logInAndWait(String username, String password) {
        logIn(username, password);
        waitFor(d -> visible(By.cssSelector("[data-testid=logout]")));
        waitFor(d -> !d.findElements(By.cssSelector("[data-testid=locker-row]")).isEmpty());
    }

    /** Goes to a view through its link in the navigation, as an operator would. */
    void goTo(String view) {
        driver.findElement(By.cssSelector("#nav a[data-view='" + view + "']")).click();
        waitFor(d -> d.findElement(By.id("view-" + view)).isDisplayed());
    }

    WebElement testId(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    WebElement lockerRow(long lockerId) {
        return waitFor(
                d -> d.findElement(By.cssSelector("[data-testid=locker-row][data-locker-id='" + lockerId + "']")));
    }

    WebElement controllerRow(long controllerId) {
        return waitFor(d -> d.findElement(
                By.cssSelector("[data-testid=controller-row][data-controller-id='" + controllerId + "']")));
    }

    List<WebElement> all(String testId) {
        return driver.findElements(By.cssSelector("[data-testid='" + testId + "']"));
    }

    /** Clicks OK of the open confirmation dialog. */
    void confirm() {
        waitFor(d -> testId("confirm-ok").isDisplayed());
        testId("confirm-ok").click();
    }

    /** Fills a field of the open dialog by its label's text. */
    void fillDialogField(String label, String value) {
        WebElement control = dialogField(label);
        if (control.getTagName().equals("select")) {
            new Select(control).selectByValue(value);
        } else {
            type(control, value);
        }
    }

    /** The field of the open dialog with this label, once the dialog shows it (it may still be loading). */
    WebElement dialogField(String label) {
        return waitFor(d -> {
            WebElement labelElement = d.findElement(
                    By.xpath("//dialog[@id='dialog' and @open]//label[normalize-space(text())='" + label + "']"));
            WebElement field = d.findElement(By.id(labelElement.getAttribute("for")));
            return field.isDisplayed() ? field : null;
        });
    }

    /** Waits for the open dialog to show the API's refusal, and returns it; the dialog stays open. */
    String dialogProblem() {
        return waitFor(d -> {
            WebElement problem = d.findElement(By.id("dialog-problem"));
            return problem.isDisplayed() ? problem.getText() : null;
        });
    }

    /** Waits for the outcome of an action and returns its text. */
    String result(String expectedPart) {
        return waitFor(d -> {
            WebElement result = testId("operation-result");
            return result.isDisplayed() && result.getText().contains(expectedPart) ? result.getText() : null;
        });
    }

    void type(WebElement element, String text) {
        element.clear();
        element.sendKeys(text);
    }

    boolean visible(By by) {
        List<WebElement> found = driver.findElements(by);
        try {
            return !found.isEmpty() && found.get(0).isDisplayed();
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(condition);
    }

    /** A PNG of what the window shows. */
    byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /**
     * A PNG of the page from its top, as tall as its content but at most {@code maxHeight} CSS
     * pixels, through the DevTools protocol (Selenium's own screenshot stops at the window).
     */
    byte[] pageScreenshot(int maxHeight) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(maxHeight, ((Number) content.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary profile is harmless; the test's outcome matters more.
        }
    }
}
