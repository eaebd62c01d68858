package dev.harbor.app.config;

import dev.harbor.app.logging.LogFormat;
import dev.harbor.application.auth.ClientKeys;
import dev.harbor.application.remote.RemoteSiteSettings;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.domain.rule.DisplayName;
import dev.harbor.domain.rule.InvalidValueException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads {@link HarborConfig} from environment variables, over an optional properties file named by
 * {@code HARBOR_CONFIG_FILE} that uses the same keys. Every secret may instead be given as
 * {@code …_FILE} naming a file that holds it. All problems are collected and reported at once.
 */
public final class ConfigLoader {

    public static final String CONFIG_FILE = "HARBOR_CONFIG_FILE";

    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    private ConfigLoader(Map<String, String> values) {
        this.values = values;
    }

    /** Loads from the process environment. */
    public static HarborConfig fromEnvironment() {
        return load(System.getenv());
    }

    /**
     * @param environment the variables; a {@code HARBOR_CONFIG_FILE} entry adds that file's values
     *                    under them (the environment wins)
     * @throws InvalidConfigException listing every problem found
     */
    public static HarborConfig load(Map<String, String> environment) {
        ConfigCheck check = check(environment);
        if (check instanceof ConfigCheck.Invalid invalid) {
            throw new InvalidConfigException(invalid.problems());
        }
        return ((ConfigCheck.Valid) check).config();
    }

    /**
     * Reads the configuration without throwing: every problem of the configuration file and of
     * the values, and a warning for each {@code HARBOR_…} variable of {@code environment} that
     * Harbor does not know. Unknown keys in the file are errors (the file is Harbor's alone); in
     * the environment they are only warned about, because other programs set variables there too.
     */
    public static ConfigCheck check(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        Map<String, String> fromFile = new HashMap<>();
        List<String> early = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String file = environment.get(CONFIG_FILE);
        if (file != null && !file.isBlank()) {
            ConfigFile read = ConfigFile.read(Path.of(file.strip()));
            early.addAll(read.problems());
            read.values().forEach((key, entry) -> {
                merged.put(key, entry.value());
                fromFile.put(key, read.path() + ", line " + entry.line());
            });
        }
        new TreeMap<>(environment).forEach((k, v) -> {
            if (!k.startsWith("HARBOR_")) {
                return;
            }
            if (!ConfigKeys.isKnown(k)) {
                warnings.add(k + " is set in the environment but is not a Harbor variable"
                        + ConfigKeys.closest(k)
                                .map(known -> "; did you mean " + known + "?")
                                .orElse(""));
            }
            merged.put(k, v);
            fromFile.remove(k);
        });
        ConfigLoader loader = new ConfigLoader(merged);
        loader.problems.addAll(early);
        try {
            return new ConfigCheck.Valid(loader.build(), warnings);
        } catch (InvalidConfigException e) {
            // The file's own problems name their line already; the values' problems get it here.
            List<String> located = new ArrayList<>(early);
            for (String problem :
                    e.problems().subList(early.size(), e.problems().size())) {
                located.add(keyOf(problem)
                        .filter(fromFile::containsKey)
                        .map(key -> problem + " (" + fromFile.get(key) + ")")
                        .orElse(problem));
            }
            Optional<Path> layout = Optional.ofNullable(merged.get("HARBOR_LAYOUT_FILE"))
                    .filter(name -> !name.isBlank())
                    .map(name -> Path.of(name.strip()));
            LogFormat logFormat = Optional.ofNullable(merged.get("HARBOR_LOG_FORMAT"))
                    .flatMap(name -> LogFormat.named(name.strip()))
                    .orElse(LogFormat.TEXT);
            return new ConfigCheck.Invalid(located, warnings, layout, logFormat);
        }
    }

    /** The key a problem is about, when it starts with one: the longest match, so KEY_FILE wins over KEY. */
    private static Optional<String> keyOf(String problem) {
        return ConfigKeys.all().stream()
                .filter(key -> problem.startsWith(key)
                        && (problem.length() == key.length() || !isKeyChar(problem.charAt(key.length()))))
                .max(java.util.Comparator.comparingInt(String::length));
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private HarborConfig build() {
        String host = text("HARBOR_HTTP_HOST").orElse("0.0.0.0");
        int port = integer("HARBOR_HTTP_PORT", 8080, 0, 65_535);
        Path dataDir = Path.of(text("HARBOR_DATA_DIR").orElse("./data"));
        Optional<String> dbUrl = text("HARBOR_DB_URL");
        dbUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql:")) {
                problems.add("HARBOR_DB_URL: must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), was "
                        + withoutCredentials(url));
            }
        });
        Optional<String> dbUser = text("HARBOR_DB_USER");
        Optional<String> dbPassword = secret("HARBOR_DB_PASSWORD");
        Optional<Path> layout = text("HARBOR_LAYOUT_FILE").map(Path::of);
        layout.ifPresent(p -> {
            if (!Files.isReadable(p)) {
                problems.add("HARBOR_LAYOUT_FILE: cannot read " + p);
            }
        });
        Optional<String> adminUser = text("HARBOR_ADMIN_USERNAME");
        Optional<String> adminPassword = secret("HARBOR_ADMIN_PASSWORD");
        if (adminUser.isPresent() != adminPassword.isPresent()) {
            problems.add("HARBOR_ADMIN_USERNAME and HARBOR_ADMIN_PASSWORD must be set together");
        }
        adminPassword.ifPresent(p -> {
            if (p.length() < 12) {
                problems.add("HARBOR_ADMIN_PASSWORD: must be at least 12 characters");
            }
        });
        adminUser.ifPresent(u -> {
            if (!u.matches("[A-Za-z0-9._-]{1,64}")) {
                problems.add("HARBOR_ADMIN_USERNAME: 1-64 characters of A-Z a-z 0-9 . _ -");
            }
        });
        Optional<InetAddress> mdns = text("HARBOR_MDNS_ADDRESS").flatMap(this::address);
        Optional<String> sentry = secret("HARBOR_SENTRY_DSN");
        sentry.ifPresent(dsn -> {
            if (!dsn.startsWith("http://") && !dsn.startsWith("https://")) {
                problems.add("HARBOR_SENTRY_DSN: must be an http(s) DSN");
            }
        });
        Optional<String> reboot = text("HARBOR_REBOOT_COMMAND");
        String name = text("HARBOR_GATEWAY_NAME").orElse("Harbor");
        try {
            DisplayName.requireValid("HARBOR_GATEWAY_NAME", name);
        } catch (InvalidValueException e) {
            // Collected with the others: one start-up attempt names every problem.
            problems.add(e.getMessage());
        }
        Duration poll = Duration.ofMillis(integer("HARBOR_POLL_INTERVAL_MS", 1000, 50, 3_600_000));
        Duration gap = Duration.ofMillis(integer("HARBOR_OPEN_ALL_GAP_MS", 250, 0, 60_000));
        Optional<BikeepConfig> bikeep = bikeep();
        ClientKeys apiKeys = ClientKeysConfig.read(values, problems);
        String logLevel = logLevel();
        LogFormat logFormat = logFormat();
        boolean metricsEnabled = flag("HARBOR_METRICS_ENABLED", true);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new HarborConfig(
                host,
                port,
                dataDir,
                dbUrl,
                dbUser,
                dbPassword,
                layout,
                adminUser,
                adminPassword,
                mdns,
                sentry,
                reboot,
                name,
                poll,
                gap,
                bikeep,
                apiKeys,
                logLevel,
                logFormat,
                metricsEnabled);
    }

    /** {@code true} or {@code false}, in any case. */
    private boolean flag(String key, boolean fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String flag = value.get().toLowerCase(java.util.Locale.ROOT);
        if (!flag.equals("true") && !flag.equals("false")) {
            problems.add(key + ": must be true or false, was " + value.get());
            return fallback;
        }
        return flag.equals("true");
    }

    /** Any case is accepted ({@code debug}); the level is Logback's and PATCH /system's name for it. */
    private String logLevel() {
        Optional<String> value = text("HARBOR_LOG_LEVEL");
        if (value.isEmpty()) {
            return "INFO";
        }
        String level = value.get().toUpperCase(java.util.Locale.ROOT);
        if (!RuntimeSettings.LEVELS_IN_ORDER.contains(level)) {
            problems.add("HARBOR_LOG_LEVEL: must be one of " + String.join(", ", RuntimeSettings.LEVELS_IN_ORDER)
                    + ", was " + value.get());
            return "INFO";
        }
        return level;
    }

    /** {@code text} (the default) or {@code json}, in any case. */
    private LogFormat logFormat() {
        Optional<String> value = text("HARBOR_LOG_FORMAT");
        if (value.isEmpty()) {
            return LogFormat.TEXT;
        }
        Optional<LogFormat> format = LogFormat.named(value.get());
        if (format.isEmpty()) {
            problems.add("HARBOR_LOG_FORMAT: must be text or json, was " + value.get());
            return LogFormat.TEXT;
        }
        return format.get();
    }

    /** Both credentials: the integration is on; neither: off; one alone is a mistake worth stopping for. */
    private Optional<BikeepConfig> bikeep() {
        Optional<String> clientId = text("HARBOR_BIKEEP_CLIENT_ID");
        Optional<String> clientSecret = secret("HARBOR_BIKEEP_CLIENT_SECRET");
        URI authUrl = url("HARBOR_BIKEEP_AUTH_URL", "https://auth.bikeep.com");
        URI apiUrl = url("HARBOR_BIKEEP_API_URL", "https://services.bikeep.com");
        Optional<String> seed = secret("HARBOR_BIKEEP_WEBHOOK_SEED");
        RemoteSiteSettings remote = new RemoteSiteSettings(
                Duration.ofMillis(integer("HARBOR_BIKEEP_SYNC_INTERVAL_MS", 30_000, 1_000, 86_400_000)),
                // The seed asks for a poll every 1-2 s: faster would only load Bikeep.
                Duration.ofMillis(integer("HARBOR_BIKEEP_COMMAND_POLL_MS", 1_000, 1_000, 2_000)),
                Duration.ofMillis(integer("HARBOR_BIKEEP_COMMAND_TIMEOUT_MS", 15_000, 1_000, 600_000)),
                Duration.ofMillis(integer("HARBOR_BIKEEP_BOOKING_TTL_MS", 86_400_000, 60_000, 604_800_000)));
        if (clientId.isPresent() != clientSecret.isPresent()) {
            problems.add("HARBOR_BIKEEP_CLIENT_ID and HARBOR_BIKEEP_CLIENT_SECRET must be set together");
            return Optional.empty();
        }
        if (clientId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BikeepConfig(clientId.get(), clientSecret.get(), authUrl, apiUrl, seed, remote));
    }

    private URI url(String key, String fallback) {
        String value = text(key).orElse(fallback);
        try {
            URI uri = new URI(value);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(key + ": must be an http(s) URL, was " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(key + ": not a URL: " + value);
            return URI.create(fallback);
        }
    }

    private Optional<String> text(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A secret from {@code KEY}, or from the file named by {@code KEY_FILE}; not both. */
    private Optional<String> secret(String key) {
        Optional<String> direct = text(key);
        Optional<String> file = text(key + "_FILE");
        if (direct.isPresent() && file.isPresent()) {
            problems.add(key + " and " + key + "_FILE: set only one");
            return direct;
        }
        if (file.isEmpty()) {
            return direct;
        }
        try {
            String content = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8)
                    .strip();
            if (content.isEmpty()) {
                problems.add(key + "_FILE: " + file.get() + " is empty");
                return Optional.empty();
            }
            return Optional.of(content);
        } catch (IOException e) {
            problems.add(key + "_FILE: cannot read " + file.get());
            return Optional.empty();
        }
    }

    private int integer(String key, int fallback, int min, int max) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                problems.add(key + ": must be " + min + "-" + max + ", was " + parsed);
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(key + ": not a whole number: " + value.get());
            return fallback;
        }
    }

    private Optional<InetAddress> address(String text) {
        try {
            // Literal addresses only: mDNS must be bound to one explicit interface address.
            if (!text.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                problems.add("HARBOR_MDNS_ADDRESS: must be a literal IP address, was " + text);
                return Optional.empty();
            }
            InetAddress address = InetAddress.getByName(text);
            if (address.isAnyLocalAddress()) {
                problems.add("HARBOR_MDNS_ADDRESS: must name one interface, not the wildcard " + text);
                return Optional.empty();
            }
            return Optional.of(address);
        } catch (UnknownHostException e) {
            problems.add("HARBOR_MDNS_ADDRESS: not an IP address: " + text);
            return Optional.empty();
        }
    }

    /** A JDBC URL fit for a log line: no password parameter. */
    static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }
}
