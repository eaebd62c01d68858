package dev.harbor.application.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.fakes.InMemoryDatabase;
import dev.harbor.application.fakes.MutableClock;
import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.application.port.SettingsStore.StoredSettings;
import dev.harbor.domain.health.HeartbeatThresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsServiceTest {

    private final InMemoryDatabase db = new InMemoryDatabase();
    private final Auditor auditor =
            new Auditor(db.auditTrail(), new MutableClock(Instant.parse("2026-12-01T10:00:00Z")));
    private final List<String> appliedLevels = new ArrayList<>();

    private SettingsService start() {
        return new SettingsService(db.settingsStore(), RuntimeSettings.defaults("Harbor"), auditor, appliedLevels::add);
    }

    @Test
    void a_change_is_effective_at_once_and_survives_a_restart() {
        SettingsService settings = start();
        DoorOpenSettings quicker = new DoorOpenSettings(Duration.ofSeconds(5), 2, Duration.ofMillis(500));

        settings.change(
                new SettingsChange("Lobby", SettingsChange.DoorOpenChange.to(quicker), null, "WARN"),
                Actor.admin("tech"));

        assertThat(settings.current().doorOpen()).isEqualTo(quicker);
        assertThat(appliedLevels).endsWith("WARN");
        SettingsService restarted = start();
        assertThat(restarted.current().name()).isEqualTo("Lobby");
        assertThat(restarted.current().doorOpen()).isEqualTo(quicker);
        assertThat(restarted.current().logLevel()).isEqualTo("WARN");
        assertThat(db.auditTrail().recent(5, null)).extracting(e -> e.action()).contains("system.settings");
    }

    @Test
    void fields_left_out_of_a_change_keep_their_values() {
        SettingsService settings = start();

        settings.change(new SettingsChange("Lobby", null, null, null), Actor.admin("tech"));

        assertThat(settings.current().doorOpen()).isEqualTo(DoorOpenSettings.DEFAULTS);
        assertThat(settings.current().logLevel()).isEqualTo("INFO");
    }

    @Test
    void a_stored_setting_out_of_range_falls_back_to_its_default_and_the_others_are_kept() {
        // As an older version stored it: accepted then, refused now.
        db.settingsStore()
                .save(new StoredSettings(
                        "Lobby",
                        Duration.ofMillis(9_300_000_000_000L),
                        4,
                        Duration.ofMillis(250),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofHours(3),
                        "WARN"));

        SettingsService settings = start();

        assertThat(settings.doorOpenSettings())
                .isEqualTo(new DoorOpenSettings(Duration.ofSeconds(20), 4, Duration.ofMillis(250)));
        assertThat(settings.current().name()).isEqualTo("Lobby");
        assertThat(settings.current().heartbeat())
                .isEqualTo(
                        new HeartbeatThresholds(Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofHours(3)));
        assertThat(settings.current().logLevel()).isEqualTo("WARN");
    }

    @Test
    void every_invalid_stored_setting_falls_back_on_its_own() {
        db.settingsStore()
                .save(new StoredSettings(
                        " ",
                        Duration.ofSeconds(5),
                        0,
                        Duration.ofDays(1),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(20),
                        Duration.ofHours(3),
                        "LOUD"));

        SettingsService settings = start();

        assertThat(settings.current())
                .isEqualTo(RuntimeSettings.defaults("Harbor")
                        .withDoorOpen(new DoorOpenSettings(
                                Duration.ofSeconds(5),
                                DoorOpenSettings.DEFAULTS.maxAttempts(),
                                DoorOpenSettings.DEFAULTS.delay())));
        assertThat(appliedLevels).containsExactly("INFO");
    }

    @Test
    void a_change_replaces_a_stored_row_that_was_out_of_range() {
        db.settingsStore()
                .save(new StoredSettings(
                        "Lobby",
                        Duration.ofDays(100),
                        3,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(30),
                        Duration.ofHours(2),
                        "INFO"));
        SettingsService settings = start();

        settings.change(new SettingsChange(null, null, null, "DEBUG"), Actor.admin("tech"));

        assertThat(db.settingsStore().load().orElseThrow().doorAttemptTimeout()).isEqualTo(Duration.ofSeconds(20));
    }
}
