package dev.harbor.bikeep.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulator's command line. */
class BikeepSimulatorMainTest {

    @Test
    void the_options_set_port_locations_credentials_and_webhooks() {
        BikeepSimulatorMain.Options options = BikeepSimulatorMain.parse(new String[] {
            "--port",
            "9191",
            "--locations",
            "lockers:10,docks:20",
            "--client-id",
            "acme",
            "--client-secret",
            "s3cret",
            "--webhook",
            "http://127.0.0.1:8080/bikeep/webhooks",
            "--seed",
            "S",
            "--token-lifetime-s",
            "120"
        });

        assertThat(options.settings().port()).isEqualTo(9191);
        assertThat(options.locations())
                .containsExactly(
                        new BikeepSimulatorMain.LocationSpec("BIKE_LOCKERS", 10),
                        new BikeepSimulatorMain.LocationSpec("BIKE_DOCKS", 20));
        assertThat(options.settings().clientId()).isEqualTo("acme");
        assertThat(options.settings().clientSecret()).isEqualTo("s3cret");
        assertThat(options.settings().webhookTarget()).isEqualTo(URI.create("http://127.0.0.1:8080/bikeep/webhooks"));
        assertThat(options.settings().webhookSeed()).isEqualTo("S");
        assertThat(options.settings().tokenLifetime()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void without_options_it_serves_ten_lockers_on_9090_for_demo() {
        BikeepSimulatorMain.Options options = BikeepSimulatorMain.parse(new String[0]);

        assertThat(options.settings().port()).isEqualTo(9090);
        assertThat(options.locations()).containsExactly(new BikeepSimulatorMain.LocationSpec("BIKE_LOCKERS", 10));
        assertThat(options.settings().clientId()).isEqualTo("demo");
        assertThat(options.settings().clientSecret()).isEqualTo("demo-secret-123");
    }

    @Test
    void a_wrong_option_is_refused_naming_it() {
        assertThatThrownBy(() -> BikeepSimulatorMain.parse(new String[] {"--colour", "red"}))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> BikeepSimulatorMain.parse(new String[] {"--locations", "lockers:ten"}))
                .hasMessageContaining("--locations");
        assertThatThrownBy(() -> BikeepSimulatorMain.parse(new String[] {"--locations", "boats:3"}))
                .hasMessageContaining("boats");
        assertThatThrownBy(() -> BikeepSimulatorMain.parse(new String[] {"--port", "70000"}))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> BikeepSimulatorMain.parse(new String[] {"--port"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BikeepSimulatorMain.parse(new String[] {"--webhook", "http://127.0.0.1:1/h"}))
                .hasMessageContaining("--seed");
    }

    @Test
    void a_wrong_option_prints_the_usage_and_exits_2() throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BikeepSimulatorMain.class.getName(),
                        "--bogus",
                        "1")
                .redirectErrorStream(true)
                .start();

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown option: --bogus").contains("usage: BikeepSimulatorMain");
    }

    @Test
    void launching_prints_the_base_uri_and_every_location_id() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BikeepSimulatorMain.Options options =
                BikeepSimulatorMain.parse(new String[] {"--port", "0", "--locations", "lockers:2,docks:3"});

        try (BikeepSimulator sim =
                BikeepSimulatorMain.launch(options, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String out = printed.toString(StandardCharsets.UTF_8);
            assertThat(out).contains(sim.baseUri().toString());
            assertThat(sim.locationIds())
                    .hasSize(2)
                    .allSatisfy(id -> assertThat(out).contains(id));
            assertThat(sim.deviceIds(sim.locationIds().get(1))).hasSize(3);
            assertThat(BikeepSimulatorMain.execute(sim, new String[] {
                        "tap", sim.deviceIds(sim.locationIds().get(0)).get(0)
                    }))
                    .endsWith("LOCKED");
        }
    }
}
