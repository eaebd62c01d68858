package dev.harbor.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's Bikeep view in headless Chromium, against a gateway whose Bikeep integration points
 * at the Bikeep cloud simulator on loopback: a location added from the page becomes a controller,
 * RFID cards added and removed on the page are what the simulated allowlist then holds.
 */
@Tag("browser")
class BikeepConsoleBrowserTest {

    private static final String CLIENT_ID = "console-e2e";
    private static final String CLIENT_SECRET = "console-e2e-secret-4711";

    @TempDir
    Path dataDir;

    private BikeepSimulator simulator;
    private ConsoleGateway gateway;
    private ConsoleBrowser browser;
    private String location;
    private String whitelist;

    @BeforeEach
    void start() {
        simulator = BikeepSimulator.start(BikeepSimulator.Settings.defaults()
                .withClientCredentials(CLIENT_ID, CLIENT_SECRET)
                .withPort(0));
        location = simulator.addLocation("BIKE_LOCKERS", "Office A", 2);
        whitelist = simulator.addWhitelist(location, "Staff");
        gateway = new ConsoleGateway(dataDir, ConsoleGateway.bikeep(simulator, CLIENT_ID, CLIENT_SECRET));
        browser = new ConsoleBrowser(gateway.port(), 1280, 900);
        browser.openConsole();
        browser.logInAndWait(ConsoleGateway.USER, ConsoleGateway.PASSWORD);
        browser.goTo("bikeep");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        simulator.close();
    }

    @Test
    void a_location_added_on_the_page_becomes_a_controller_with_its_devices_as_lockers() {
        WebElement row = locationRow();
        assertThat(row.getText()).contains("Office A").contains("not added");

        row.findElement(By.xpath(".//button[text()='Add to Harbor']")).click();
        browser.fillDialogField("Name in Harbor", "Station Office A");
        browser.confirm();
        browser.result("Station Office A added with 2 lockers");

        JsonNode controllers = gateway.api("GET", "/controllers", null).body();
        JsonNode added = null;
        for (JsonNode controller : controllers) {
            if (controller.get("name").asText().equals("Station Office A")) {
                added = controller;
            }
        }
        assertThat(added).isNotNull();
        assertThat(added.get("protocol").asText()).isEqualTo("bikeep");
        assertThat(added.get("transport").get("locationId").asText()).isEqualTo(location);
        assertThat(added.get("lockerCount").asInt()).isEqualTo(2);
        long controllerId = added.get("controllerId").asLong();
        browser.waitFor(d -> locationRow().getText().contains("controller #" + controllerId));
    }

    @Test
    void a_card_added_and_removed_on_the_page_is_on_the_allowlist_and_then_is_not() {
        openCards();
        browser.driver().findElement(By.xpath("//button[text()='Add a card…']")).click();
        browser.fillDialogField("Card id", "04:A2:B3:C4:D5:E6:F7");
        browser.fillDialogField("Comment (optional)", "night shift");
        browser.confirm();
        browser.result("Added 04a2b3c4d5e6f7");

        assertThat(simulator.cards(whitelist)).containsKey("04a2b3c4d5e6f7");
        WebElement card = browser.waitFor(
                d -> d.findElement(By.cssSelector("[data-testid=card-row][data-card-id='04a2b3c4d5e6f7']")));
        assertThat(card.getText()).contains("night shift");

        card.findElement(By.xpath(".//button[text()='Remove']")).click();
        browser.confirm();
        browser.result("Removed 04a2b3c4d5e6f7");

        assertThat(simulator.cards(whitelist)).doesNotContainKey("04a2b3c4d5e6f7");
    }

    @Test
    void a_card_id_the_api_refuses_keeps_the_dialog_open_with_the_api_message() {
        openCards();
        browser.driver().findElement(By.xpath("//button[text()='Add a card…']")).click();
        browser.fillDialogField("Card id", "0x04a2");
        browser.confirm();

        assertThat(browser.dialogProblem()).contains("(INVALID_REQUEST)");
        assertThat(simulator.cards(whitelist)).isEmpty();
        browser.testId("confirm-cancel").click();
    }

    private WebElement locationRow() {
        return browser.waitFor(
                d -> d.findElement(By.cssSelector("[data-testid=location-row][data-location-id='" + location + "']")));
    }

    private void openCards() {
        locationRow().findElement(By.xpath(".//button[text()='RFID cards']")).click();
        browser.waitFor(d -> d.findElement(By.cssSelector("[data-allowlist-id='" + whitelist + "']")));
        browser.waitFor(
                d -> !d.findElements(By.xpath("//button[text()='Add a card…']")).isEmpty());
    }
}
