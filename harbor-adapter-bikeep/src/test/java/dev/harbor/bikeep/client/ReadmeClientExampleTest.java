package dev.harbor.bikeep.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Bikeep client example, as written there, compiles and works against the simulator. */
class ReadmeClientExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path THIS_TEST =
            Path.of("src/test/java/dev/harbor/bikeep/client/ReadmeClientExampleTest.java");

    @Test
    void the_readme_example_books_a_locker_and_adds_a_card() throws Exception {
        BikeepSimulator sim = BikeepSimulator.start(Simulated.settings());
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            String location = sim.addLocation("BIKE_LOCKERS", "Office A", 4);
            String whitelist = sim.addWhitelist(location, "Staff");
            URI authUrl = sim.baseUri();
            URI apiUrl = sim.baseUri();
            String clientId = Simulated.CLIENT_ID;
            String clientSecret = Simulated.CLIENT_SECRET;
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));

            // --- begin README Bikeep client example ---
            BikeepClient bikeep = BikeepClient.builder()
                    .authUrl(authUrl) // https://auth.bikeep.com (the default)
                    .apiUrl(apiUrl) // https://services.bikeep.com (the default)
                    .credentials(clientId, clientSecret)
                    .build();

            Location station = bikeep.locations().get(0);
            Device locker = bikeep.devices(station.id()).stream()
                    .filter(device -> "LOCKER".equals(device.type())
                            && "UNLOCKED".equals(device.state().value()))
                    .findFirst()
                    .orElseThrow();

            try {
                CommandRecord sent = bikeep.sendCommand(
                        locker.id(), DeviceCommand.BOOK, Instant.now().plus(Duration.ofHours(2)));
                CommandRecord booking = bikeep.awaitCommand(sent.id(), Duration.ofSeconds(1), Duration.ofSeconds(15));
                if (booking.state().isSuccess()) {
                    System.out.println("Locker " + locker.alias() + " is booked for you");
                } else {
                    System.out.println("Not booked: " + booking.state().reason());
                }
            } catch (BikeepOutcomeUnknownException lost) {
                // The answer was lost: the booking may exist. Never send it blindly again; look first.
                System.out.println("Locker " + locker.alias() + " is now "
                        + bikeep.device(locker.id()).state().value());
            } catch (BikeepException failed) {
                System.out.println("Bikeep said " + failed.statusCode() + ", correlation id "
                        + failed.correlationId().orElse("none"));
            }

            Whitelist staff = bikeep.whitelists(station.id()).get(0);
            EntityChangeResult cards = bikeep.addEntities(
                    staff.id(), List.of(WhitelistEntity.activeRfid("04a2b3c4d5e6f7", "Employee badge - John")));
            for (EntityChangeResult.Failure refused : cards.failed()) {
                System.out.println("Card " + refused.id() + " refused: " + refused.message());
            }
            // --- end README Bikeep client example ---

            // Contains, not equals: a console log line may land in the same stream.
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("Locker " + locker.alias() + " is booked for you" + System.lineSeparator())
                    .doesNotContain("Not booked", "Bikeep said", "refused");
            assertThat(bikeep.device(locker.id()).state().value()).isEqualTo("BOOKED");
            assertThat(bikeep.whitelistEntities(whitelist))
                    .extracting(WhitelistEntity::id)
                    .containsExactly("04a2b3c4d5e6f7");
        } finally {
            System.setOut(console);
            sim.close();
        }
    }

    @Test
    void the_readme_shows_exactly_the_example_this_test_runs() throws IOException {
        List<String> inReadme = lines(
                Files.readString(README), "<!-- bikeep-client-example:start -->", "<!-- bikeep-client-example:end -->");
        List<String> inTest = lines(
                Files.readString(THIS_TEST),
                "// --- begin README Bikeep client example ---",
                "// --- end README Bikeep client example ---");

        assertThat(inReadme.get(0)).isEqualTo("```java");
        assertThat(inReadme.get(inReadme.size() - 1)).isEqualTo("```");
        assertThat(inTest).isEqualTo(inReadme.subList(1, inReadme.size() - 1));
    }

    /** The non-blank lines between two markers, without their leading indentation. */
    private static List<String> lines(String text, String begin, String end) {
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from).as("marker " + begin).isNotNegative();
        assertThat(to).as("marker " + end).isGreaterThan(from);
        return text.substring(from + begin.length(), to)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
