package dev.harbor.app.testing;

import dev.harbor.app.HarborServer;
import dev.harbor.application.auth.AuthSettings;
import java.time.Duration;

/** Gateway tuning for tests: cheap password hashing, a lockout short enough to watch it end. */
public final class TestTuning {

    private TestTuning() {}

    /**
     * {@code maxFailures} failed logins within a minute lock a client out for two seconds (four at
     * most); bcrypt cost 4; a reboot 100 ms after it is asked for.
     */
    public static HarborServer.Tuning quickLockout(int maxFailures) {
        return new HarborServer.Tuning(
                new AuthSettings(
                        Duration.ofHours(8),
                        Duration.ofHours(24),
                        maxFailures,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        12),
                4,
                Duration.ofMillis(100));
    }
}
