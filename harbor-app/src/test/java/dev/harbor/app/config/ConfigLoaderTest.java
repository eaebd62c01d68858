package dev.harbor.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.remote.RemoteSiteSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void nothing_configured_gives_sqlite_in_data_the_demo_layout_and_port_8080() {
        HarborConfig config = ConfigLoader.load(Map.of());

        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.dbUrl()).isEmpty();
        assertThat(config.layoutFile()).isEmpty();
        assertThat(config.mdnsAddress()).isEmpty();
        assertThat(config.rebootCommand()).isEmpty();
        assertThat(config.adminUsername()).isEmpty();
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_gateway_name_of_more_than_100_characters_is_one_of_the_problems_reported_together() {
        assertThatThrownBy(() ->
                        ConfigLoader.load(Map.of("HARBOR_GATEWAY_NAME", "n".repeat(101), "HARBOR_HTTP_PORT", "eighty")))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .contains("HARBOR_GATEWAY_NAME must be 1-100 characters")
                                .hasSize(2));
    }

    @Test
    void every_problem_is_reported_at_once() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(
                        "HARBOR_HTTP_PORT", "eighty",
                        "HARBOR_DB_URL", "jdbc:mysql://x/y",
                        "HARBOR_MDNS_ADDRESS", "0.0.0.0",
                        "HARBOR_ADMIN_USERNAME", "admin")))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p -> p.startsWith("HARBOR_HTTP_PORT"))
                                .anyMatch(p -> p.startsWith("HARBOR_DB_URL"))
                                .anyMatch(p -> p.startsWith("HARBOR_MDNS_ADDRESS"))
                                .anyMatch(p -> p.contains("HARBOR_ADMIN_PASSWORD"))
                                .hasSize(4));
    }

    @Test
    void a_secret_can_come_from_a_file() throws Exception {
        Path secret = dir.resolve("admin-password");
        Files.writeString(secret, "correct horse battery staple\n");

        HarborConfig config = ConfigLoader.load(
                Map.of("HARBOR_ADMIN_USERNAME", "admin", "HARBOR_ADMIN_PASSWORD_FILE", secret.toString()));

        assertThat(config.adminPassword()).contains("correct horse battery staple");
    }

    @Test
    void the_configuration_file_supplies_values_and_the_environment_wins() throws Exception {
        Path file = dir.resolve("harbor.properties");
        Files.writeString(file, "HARBOR_HTTP_PORT=9090\nHARBOR_GATEWAY_NAME=Lobby\n");

        HarborConfig config =
                ConfigLoader.load(Map.of(ConfigLoader.CONFIG_FILE, file.toString(), "HARBOR_GATEWAY_NAME", "Station"));

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.gatewayName()).isEqualTo("Station");
    }

    @Test
    void printing_the_configuration_never_shows_a_password() {
        HarborConfig config = ConfigLoader.load(Map.of(
                "HARBOR_ADMIN_USERNAME",
                "admin",
                "HARBOR_ADMIN_PASSWORD",
                "s3cret-passw0rd!",
                "HARBOR_DB_URL",
                "jdbc:postgresql://db/harbor?password=hunter2hunter2",
                "HARBOR_DB_PASSWORD",
                "other-secret-1"));

        assertThat(config.toString()).doesNotContain("s3cret-passw0rd!", "hunter2hunter2", "other-secret-1");
    }

    @Test
    void the_bikeep_integration_is_off_without_credentials_and_on_with_both_with_bikeeps_own_urls_by_default() {
        assertThat(ConfigLoader.load(Map.of()).bikeep()).isEmpty();

        BikeepConfig bikeep = ConfigLoader.load(
                        Map.of("HARBOR_BIKEEP_CLIENT_ID", "demo", "HARBOR_BIKEEP_CLIENT_SECRET", "demo-secret-123"))
                .bikeep()
                .orElseThrow();

        assertThat(bikeep.authUrl()).hasToString("https://auth.bikeep.com");
        assertThat(bikeep.apiUrl()).hasToString("https://services.bikeep.com");
        assertThat(bikeep.webhookSeed()).isEmpty();
    }

    @Test
    void the_bikeep_sync_and_command_settings_have_the_specs_defaults_and_refuse_what_is_out_of_range() {
        BikeepConfig defaults = ConfigLoader.load(
                        Map.of("HARBOR_BIKEEP_CLIENT_ID", "demo", "HARBOR_BIKEEP_CLIENT_SECRET", "demo-secret-123"))
                .bikeep()
                .orElseThrow();
        assertThat(defaults.remote())
                .isEqualTo(new RemoteSiteSettings(
                        Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofDays(1)));

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(
                        "HARBOR_BIKEEP_CLIENT_ID", "demo",
                        "HARBOR_BIKEEP_CLIENT_SECRET", "demo-secret-123",
                        "HARBOR_BIKEEP_COMMAND_POLL_MS", "50",
                        "HARBOR_BIKEEP_SYNC_INTERVAL_MS", "10")))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p -> p.startsWith("HARBOR_BIKEEP_COMMAND_POLL_MS"))
                                .anyMatch(p -> p.startsWith("HARBOR_BIKEEP_SYNC_INTERVAL_MS"))
                                .hasSize(2));
    }

    @Test
    void one_bikeep_credential_alone_or_a_bad_url_stops_the_start_with_both_problems_named() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(
                        "HARBOR_BIKEEP_CLIENT_ID", "demo",
                        "HARBOR_BIKEEP_API_URL", "ftp://bikeep")))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p -> p.contains("HARBOR_BIKEEP_CLIENT_SECRET"))
                                .anyMatch(p -> p.startsWith("HARBOR_BIKEEP_API_URL"))
                                .hasSize(2));
    }

    @Test
    void the_bikeep_client_secret_and_webhook_seed_never_appear_in_the_printed_configuration() throws Exception {
        Path secret = dir.resolve("bikeep-secret");
        Files.writeString(secret, "s3cret-from-a-file\n");
        HarborConfig config = ConfigLoader.load(Map.of(
                "HARBOR_BIKEEP_CLIENT_ID", "demo",
                "HARBOR_BIKEEP_CLIENT_SECRET_FILE", secret.toString(),
                "HARBOR_BIKEEP_WEBHOOK_SEED", "seed-value-42"));

        assertThat(config.bikeep().orElseThrow().clientSecret()).isEqualTo("s3cret-from-a-file");
        assertThat(config.toString()).contains("demo").doesNotContain("s3cret-from-a-file", "seed-value-42");
    }
}
