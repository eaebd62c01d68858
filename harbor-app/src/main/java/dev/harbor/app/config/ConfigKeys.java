package dev.harbor.app.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every configuration key Harbor reads. The configuration file may hold only these, and a
 * variable in the environment that starts with {@code HARBOR_} but is not one of them is warned
 * about. Adding a variable is adding its line here (and reading it in {@link ConfigLoader}).
 */
public final class ConfigKeys {

    /** Keys whose value is a secret: each may instead be given as {@code KEY_FILE}. */
    private static final List<String> SECRETS = List.of(
            "HARBOR_DB_PASSWORD",
            "HARBOR_ADMIN_PASSWORD",
            "HARBOR_SENTRY_DSN",
            "HARBOR_BIKEEP_CLIENT_SECRET",
            "HARBOR_BIKEEP_WEBHOOK_SEED",
            "HARBOR_API_KEYS");

    private static final List<String> PLAIN = List.of(
            "HARBOR_CONFIG_FILE",
            "HARBOR_LOG_LEVEL",
            "HARBOR_LOG_FORMAT",
            "HARBOR_HTTP_HOST",
            "HARBOR_HTTP_PORT",
            "HARBOR_DATA_DIR",
            "HARBOR_DB_URL",
            "HARBOR_DB_USER",
            "HARBOR_LAYOUT_FILE",
            "HARBOR_ADMIN_USERNAME",
            "HARBOR_MDNS_ADDRESS",
            "HARBOR_REBOOT_COMMAND",
            "HARBOR_GATEWAY_NAME",
            "HARBOR_POLL_INTERVAL_MS",
            "HARBOR_OPEN_ALL_GAP_MS",
            "HARBOR_BIKEEP_CLIENT_ID",
            "HARBOR_BIKEEP_AUTH_URL",
            "HARBOR_BIKEEP_API_URL",
            "HARBOR_BIKEEP_SYNC_INTERVAL_MS",
            "HARBOR_BIKEEP_COMMAND_POLL_MS",
            "HARBOR_BIKEEP_COMMAND_TIMEOUT_MS",
            "HARBOR_BIKEEP_BOOKING_TTL_MS",
            "HARBOR_METRICS_ENABLED");

    private static final Set<String> KNOWN = known();

    private ConfigKeys() {}

    private static Set<String> known() {
        Set<String> keys = new TreeSet<>(PLAIN);
        for (String secret : SECRETS) {
            keys.add(secret);
            keys.add(secret + "_FILE");
        }
        return Set.copyOf(keys);
    }

    public static boolean isKnown(String key) {
        return KNOWN.contains(key);
    }

    public static Set<String> all() {
        return KNOWN;
    }

    /** The known key a typo most likely meant, if one is close enough. */
    public static Optional<String> closest(String unknown) {
        return ClosestName.among(unknown, KNOWN);
    }
}
