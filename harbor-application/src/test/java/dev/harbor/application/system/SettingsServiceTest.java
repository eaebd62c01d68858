package dev.harbor.application.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.fakes.InMemoryDatabase;
import dev.harbor.application.fakes.MutableClock;
import dev.harbor.application.locker.DoorOpenSettings;
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
}
