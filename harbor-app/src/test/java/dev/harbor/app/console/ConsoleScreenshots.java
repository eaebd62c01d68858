package dev.harbor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Writes the screenshots of the main views at phone (390 px) and desktop (1280 px) width into
 * {@code docs/images/}, from a demo gateway with a few transactions, a locker out of service and a
 * Bikeep location (the cloud simulator). Not part of the test suite (its name ends in neither Test
 * nor Tests); run it with the command in docs/admin-console.md:
 *
 * <pre>./mvnw -B -q -pl harbor-app -am test -Dtest=ConsoleScreenshots -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ConsoleScreenshots {

    private static final Path OUT = Path.of(System.getProperty("harbor.screenshots", "../docs/images"));
    private static final List<String> VIEWS =
            List.of("lockers", "controllers", "transactions", "bikeep", "logs", "settings", "health");

    @TempDir
    Path dataDir;

    @Test
    void write_the_screenshots_of_the_main_views() throws IOException {
        Files.createDirectories(OUT);
        try (BikeepSimulator simulator = BikeepSimulator.start(BikeepSimulator.Settings.defaults()
                        .withClientCredentials("screenshots", "screenshots-secret")
                        .withPort(0));
                ConsoleGateway gateway = new ConsoleGateway(
                        dataDir, ConsoleGateway.bikeep(simulator, "screenshots", "screenshots-secret"))) {
            String station = simulator.addLocation("BIKE_LOCKERS", "Station Central", 4);
            simulator.addLocation("BIKE_DOCKS", "Harbour Front docks", 6);
            String staff = simulator.addWhitelist(station, "Staff");
            stage(gateway, station, staff);
            for (int[] size : new int[][] {{390, 844}, {1280, 900}}) {
                try (ConsoleBrowser browser = new ConsoleBrowser(gateway.port(), size[0], size[1])) {
                    browser.openConsole();
                    write(browser, "login", size);
                    browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
                    if (size[0] == 1280) {
                        writeViewport(browser, "overview", size);
                    }
                    for (String view : VIEWS) {
                        browser.goTo(view);
                        if (view.equals("bikeep")) {
                            browser.waitFor(d -> !browser.all("location-row").isEmpty());
                            browser.all("location-row")
                                    .get(0)
                                    .findElement(By.xpath(".//button[text()='RFID cards']"))
                                    .click();
                            browser.waitFor(d -> !d.findElements(By.cssSelector(
                                            "[data-allowlist-id='" + staff + "'] [data-testid=card-row]"))
                                    .isEmpty());
                        }
                        if (view.equals("controllers")) {
                            browser.waitFor(d -> browser.all("controller-row").size() == 3);
                        }
                        if (view.equals("logs")) {
                            browser.waitFor(d -> !browser.all("logs-row").isEmpty());
                        }
                        write(browser, view, size);
                    }
                    browser.goTo("lockers");
                    browser.testId("open-all").click();
                    browser.waitFor(d -> browser.testId("confirm-ok").isDisplayed());
                    writeViewport(browser, "open-all-confirmation", size);
                }
            }
        }
    }

    /** A gateway in the middle of a working day. */
    private static void stage(ConsoleGateway gateway, String station, String staff) {
        assertThat(gateway.api("PATCH", "/system", "{\"name\":\"Harbour Street lockers\"}")
                        .status())
                .isEqualTo(200);
        for (String order : List.of("order-1138", "order-2187", "parcel-77-A")) {
            assertThat(gateway.api("POST", "/transactions", "{\"transactionId\":\"" + order + "\"}")
                            .status())
                    .isEqualTo(201);
        }
        assertThat(gateway.api(
                                "PATCH",
                                "/lockers/5",
                                "{\"outOfService\":true,\"reasonCode\":\"HARDWARE_FAILURE\",\"reason\":\"hinge broken\"}")
                        .status())
                .isEqualTo(200);
        assertThat(gateway.api(
                                "POST",
                                "/controllers",
                                "{\"name\":\"Station Central\",\"protocol\":\"bikeep\",\"transport\":{\"type\":\"bikeep\",\"locationId\":\""
                                        + station + "\"}}")
                        .status())
                .isEqualTo(201);
        assertThat(gateway.api(
                                "POST",
                                "/bikeep/allowlists/" + staff + "/cards",
                                "{\"operation\":\"ADD\",\"cards\":[{\"cardId\":\"04:A2:B3:C4:D5:E6:F7\",\"comment\":\"night shift\"},"
                                        + "{\"cardId\":\"04 19 7c 2a\",\"comment\":\"cleaning\"}]}")
                        .status())
                .isEqualTo(200);
        assertThat(gateway.api(
                                "POST",
                                "/system/heartbeat",
                                "{\"deviceId\":\"kiosk-1\",\"deviceType\":\"KIOSK\",\"status\":\"OK\",\"softwareVersion\":\"4.2.0\"}")
                        .status())
                .isEqualTo(200);
    }

    /** The page from its top, at most twice the screen's height. */
    private static void write(ConsoleBrowser browser, String view, int[] size) throws IOException {
        Path file = OUT.resolve("console-" + view + "-" + size[0] + ".png");
        Files.write(file, browser.pageScreenshot(2 * size[1]));
        assertThat(Files.size(file)).isPositive();
    }

    /** Just what is on the screen (a dialog stays centred where the operator sees it). */
    private static void writeViewport(ConsoleBrowser browser, String view, int[] size) throws IOException {
        Path file = OUT.resolve("console-" + view + "-" + size[0] + ".png");
        Files.write(file, browser.screenshot());
        assertThat(Files.size(file)).isPositive();
    }
}
