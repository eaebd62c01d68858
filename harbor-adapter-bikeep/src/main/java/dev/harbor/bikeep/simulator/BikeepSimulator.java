package dev.harbor.bikeep.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bikeep cloud, simulated over real HTTP on 127.0.0.1, written from the Bikeep spec and seed
 * only. One server answers both the token endpoint and the API, so Harbor's AUTH_URL and API_URL
 * are both {@link #baseUri()}.
 *
 * <pre>
 * try (BikeepSimulator sim = BikeepSimulator.start(BikeepSimulator.Settings.defaults()
 *         .withCommandDelays(Duration.ofMillis(50), Duration.ofMillis(100)))) {
 *     String location = sim.addLocation("BIKE_LOCKERS", "Office A", 10);
 *     String locker = sim.deviceIds(location).get(0);
 *     …  // point a client at sim.baseUri() with the credentials demo / demo-secret-123
 * }
 * </pre>
 *
 * <p>Served: {@code POST /oauth2/token}, {@code GET /location/v1/locations}, {@code GET
 * /device/v1/locations/{id}/devices}, {@code GET /device/v1/devices/{id}}, {@code POST
 * /device/v1/devices/{id}/commands}, {@code GET /device/v1/commands/{id}}, {@code GET
 * /whitelist/v1/locations/{id}/whitelists} ({@code {data: [{id, name, description, location_id}]}}),
 * and {@code GET|POST /whitelist/v1/whitelists/{id}/entities}. A command POST answers 200 with the
 * command record.
 * An entity POST answers 200 {@code {data: [applied…]}}, or 400 with Bikeep's error body plus
 * {@code error_results: [{id, id_type, error_message, error_code}]} naming only the failed items.
 */
public final class BikeepSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BikeepSimulator.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_PATH = "/oauth2/token";

    /**
     * How the simulated cloud behaves. Start from {@link #defaults()} and change with the withers.
     *
     * @param tokenLifetime     how long a token lives; {@code expires_in} is its whole seconds
     * @param sentToReceived    how long a command takes to reach a reachable device (SENT → RECEIVED)
     * @param receivedToSuccess how long the device takes from RECEIVED to SUCCESS; for a lock, the time
     *                          the user takes to secure the item
     * @param commandTimeout    the SENT state's {@code timeout_at}: a command not delivered by then is ERROR
     * @param lockingWindow     how long LOCKING waits for the user to secure the item
     * @param webhookSeed       the key of webhook hashes; null = none
     * @param webhookTarget     where the cloud posts its own webhooks (connection changes, LOCKING timed
     *                          out); null = nowhere
     * @param port              the port on 127.0.0.1; 0 = any free one
     */
    public record Settings(
            String clientId,
            String clientSecret,
            Duration tokenLifetime,
            Duration sentToReceived,
            Duration receivedToSuccess,
            Duration commandTimeout,
            Duration lockingWindow,
            String webhookSeed,
            URI webhookTarget,
            int port) {

        public Settings {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            for (Duration d :
                    List.of(tokenLifetime, sentToReceived, receivedToSuccess, commandTimeout, lockingWindow)) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("durations must not be negative: " + d);
                }
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
        }

        /**
         * Credentials {@code demo} / {@code demo-secret-123}, Bikeep's 1 h tokens and 3 s delivery
         * deadline, commands received after 0.5 s and done 1 s later, 30 s to secure an item.
         */
        public static Settings defaults() {
            return new Settings(
                    "demo",
                    "demo-secret-123",
                    Duration.ofHours(1),
                    Duration.ofMillis(500),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(3),
                    Duration.ofSeconds(30),
                    null,
                    null,
                    0);
        }

        public Settings withClientCredentials(String id, String secret) {
            return new Settings(
                    id,
                    secret,
                    tokenLifetime,
                    sentToReceived,
                    receivedToSuccess,
                    commandTimeout,
                    lockingWindow,
                    webhookSeed,
                    webhookTarget,
                    port);
        }

        public Settings withTokenLifetime(Duration lifetime) {
            return new Settings(
                    clientId,
                    clientSecret,
                    lifetime,
                    sentToReceived,
                    receivedToSuccess,
                    commandTimeout,
                    lockingWindow,
                    webhookSeed,
                    webhookTarget,
                    port);
        }

        public Settings withCommandDelays(Duration toReceived, Duration toSuccess) {
            return new Settings(
                    clientId,
                    clientSecret,
                    tokenLifetime,
                    toReceived,
                    toSuccess,
                    commandTimeout,
                    lockingWindow,
                    webhookSeed,
                    webhookTarget,
                    port);
        }

        public Settings withCommandTimeout(Duration timeout) {
            return new Settings(
                    clientId,
                    clientSecret,
                    tokenLifetime,
                    sentToReceived,
                    receivedToSuccess,
                    timeout,
                    lockingWindow,
                    webhookSeed,
                    webhookTarget,
                    port);
        }

        public Settings withLockingWindow(Duration window) {
            return new Settings(
                    clientId,
                    clientSecret,
                    tokenLifetime,
                    sentToReceived,
                    receivedToSuccess,
                    commandTimeout,
                    window,
                    webhookSeed,
                    webhookTarget,
                    port);
        }

        public Settings withWebhookSeed(String seed) {
            return new Settings(
                    clientId,
                    clientSecret,
                    tokenLifetime,
                    sentToReceived,
                    receivedToSuccess,
                    commandTimeout,
                    lockingWindow,
                    seed,
                    webhookTarget,
                    port);
        }

        public Settings withWebhookTarget(URI target) {
            return new Settings(
                    clientId,
                    clientSecret,
                    tokenLifetime,
                    sentToReceived,
                    receivedToSuccess,
                    commandTimeout,
                    lockingWindow,
                    webhookSeed,
                    target,
                    port);
        }

        public Settings withPort(int port) {
            return new Settings(
                    clientId,
                    clientSecret,
                    tokenLifetime,
                    sentToReceived,
                    receivedToSuccess,
                    commandTimeout,
                    lockingWindow,
                    webhookSeed,
                    webhookTarget,
                    port);
        }
    }

    /**
     * One HTTP request as the simulator received it. Header names are matched case-insensitively.
     */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {

        /** The first value of a header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private record PlannedFailure(int status, Duration retryAfter, AtomicInteger remaining) {}

    private final Settings settings;
    private final Clock clock = Clock.systemUTC();
    private final SimulatedCloud cloud;
    private final ExecutorService handlers;
    private final ScheduledExecutorService ticker;
    private final ExecutorService webhookSender;
    private final HttpClient webhookClient;
    private final int port;
    private final Object serverLock = new Object();
    private HttpServer server;

    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokenFetches = new AtomicInteger();
    private final List<Request> requests = new ArrayList<>();
    private final Deque<PlannedFailure> failures = new ArrayDeque<>();
    private final AtomicReference<Duration> responseDelay = new AtomicReference<>(Duration.ZERO);

    private BikeepSimulator(Settings settings) throws IOException {
        this.settings = settings;
        this.handlers = Executors.newCachedThreadPool(daemon("bikeep-sim-http"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("bikeep-sim-clock"));
        this.webhookSender = Executors.newSingleThreadExecutor(daemon("bikeep-sim-webhooks"));
        this.webhookClient =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.cloud = new SimulatedCloud(clock, settings, this::sendOwnWebhook);
        this.server = bind(settings.port());
        this.port = server.getAddress().getPort();
        ticker.scheduleWithFixedDelay(this::tick, 10, 10, TimeUnit.MILLISECONDS);
    }

    /** Starts a simulated Bikeep cloud on 127.0.0.1, with no locations yet. */
    public static BikeepSimulator start(Settings settings) {
        try {
            return new BikeepSimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + settings.port(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the AUTH_URL and the API_URL. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Settings settings() {
        return settings;
    }

    // ---- the world ----

    /**
     * Adds a location with one GUARD ("C1") and {@code count} LOCKER (BIKE_LOCKERS) or BIKE_DOCK
     * (BIKE_DOCKS) devices, aliases "1".."count", all UNLOCKED and online.
     *
     * @return the location id
     */
    public String addLocation(String type, String name, int count) {
        return cloud.addLocation(type, name, count);
    }

    /** A new LOCKER/BIKE_DOCK device at the location, with the next alias. */
    public String addDevice(String locationId) {
        return cloud.addDevice(locationId);
    }

    /** Another GUARD at the location (Bikeep: some locations have several). */
    public String addGuard(String locationId) {
        return cloud.addGuard(locationId);
    }

    /** The device is gone upstream: it is no longer listed and its id answers 404. */
    public void removeDevice(String deviceId) {
        cloud.removeDevice(deviceId);
    }

    /** Every location's id, in the order they were added. */
    public List<String> locationIds() {
        return cloud.locationIds();
    }

    /** The location's LOCKER/BIKE_DOCK devices in alias order (no GUARD). */
    public List<String> deviceIds(String locationId) {
        return cloud.deviceIds(locationId);
    }

    public List<String> guardIds(String locationId) {
        return cloud.guardIds(locationId);
    }

    /** The device's {@code state.value}, e.g. "UNLOCKED". */
    public String deviceState(String deviceId) {
        return cloud.deviceState(deviceId);
    }

    /** A command's {@code state.value}, e.g. "SENT". */
    public String commandState(String commandId) {
        return cloud.commandState(commandId);
    }

    /** Puts a device in any state at once (no command), e.g. to stage a test; timeoutAt may be null. */
    public void setDeviceState(String deviceId, String state, Instant timeoutAt) {
        cloud.setDeviceState(deviceId, state, timeoutAt);
    }

    /** An offline device is DEAD; commands to it stay SENT until their timeout_at, then ERROR. */
    public void setDeviceOnline(String deviceId, boolean online) {
        cloud.setDeviceOnline(deviceId, online);
    }

    /** An offline location: its GUARDs and devices are DEAD, its connection "offline". */
    public void setLocationOnline(String locationId, boolean online) {
        cloud.setLocationOnline(locationId, online);
    }

    /** The user never secures the item: a lock stays LOCKING until its timeout_at, then ERROR. */
    public void neverSecure(String deviceId, boolean never) {
        cloud.neverSecure(deviceId, never);
    }

    /** The user secures the item now: a LOCKING device becomes LOCKED and its lock SUCCESS. */
    public void secureItem(String deviceId) {
        cloud.secureItem(deviceId);
    }

    /** Someone takes an UNLOCKED device with an RFID card, without any API call: it is LOCKED. */
    public void takeByRfidTap(String deviceId) {
        cloud.takeByRfidTap(deviceId);
    }

    /** The RFID user takes the item back: the LOCKED device is UNLOCKED. */
    public void releaseByRfidTap(String deviceId) {
        cloud.releaseByRfidTap(deviceId);
    }

    /** A whitelist of the location, with no cards. @return its id */
    public String addWhitelist(String locationId, String name) {
        return cloud.addWhitelist(locationId, name);
    }

    /**
     * From now on, ADD or REMOVE of these card ids fails item by item with {@code message}
     * (replacing any earlier set; an empty set clears it).
     */
    public void failCards(String whitelistId, Set<String> cardIds, String message) {
        cloud.failCards(whitelistId, cardIds, message);
    }

    /** The whitelist's cards: id → status, in the order they were first added. */
    public Map<String, String> cards(String whitelistId) {
        return cloud.cards(whitelistId);
    }

    // ---- faults ----

    /** Every token issued so far is refused from now on (401); new ones work. */
    public void revokeTokens() {
        tokens.clear();
    }

    /** The next {@code times} API calls (not token calls) answer {@code status} with Bikeep's error body. */
    public void failNext(int status, int times) {
        plan(status, null, times);
    }

    /** As {@link #failNext}, with a {@code Retry-After} header in whole seconds (rounded up). */
    public void failNextWithRetryAfter(int status, Duration retryAfter, int times) {
        plan(status, retryAfter, times);
    }

    /**
     * API calls (not token calls) are answered this much later; the work is done first, so a command
     * whose answer the client gave up on still exists. {@link Duration#ZERO} = answer at once.
     */
    public void delayResponses(Duration delay) {
        responseDelay.set(delay);
    }

    /** Closes the listening socket ({@code true}) or listens again on the same port ({@code false}). */
    public void refuseConnections(boolean refuse) {
        synchronized (serverLock) {
            if (refuse && server != null) {
                server.stop(0);
                server = null;
            } else if (!refuse && server == null) {
                try {
                    server = bind(port);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot listen again on 127.0.0.1:" + port, e);
                }
            }
        }
    }

    /** Every request received so far, token requests included, oldest first. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many times {@code POST /oauth2/token} was called, whatever it answered. */
    public int tokenFetches() {
        return tokenFetches.get();
    }

    // ---- webhooks ----

    /**
     * Posts {@code {"type": type, "data": dataJson, "version": 2, "hash": …}} to {@code target}, with
     * {@code dataJson} written exactly as given and the hash the lowercase hex HMAC-SHA256 of its UTF-8
     * bytes keyed with the webhook seed, or a wrong hash.
     *
     * @return the HTTP status the target answered
     */
    public int postWebhook(URI target, String type, String dataJson, boolean rightHash) {
        try {
            MAPPER.readTree(dataJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("data is not JSON: " + dataJson, e);
        }
        String hash;
        if (rightHash) {
            if (settings.webhookSeed() == null) {
                throw new IllegalStateException("no webhook seed: start the simulator withWebhookSeed(…)");
            }
            hash = WebhookHash.of(settings.webhookSeed(), dataJson);
        } else {
            hash = WebhookHash.wrong(settings.webhookSeed(), dataJson);
        }
        String body;
        try {
            body = "{\"type\":" + MAPPER.writeValueAsString(type) + ",\"data\":" + dataJson
                    + ",\"version\":2,\"hash\":\"" + hash + "\"}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return webhookClient
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("webhook to " + target + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting a webhook", e);
        }
    }

    private void sendOwnWebhook(SimulatedCloud.Notice notice) {
        URI target = settings.webhookTarget();
        if (target == null || settings.webhookSeed() == null) {
            return;
        }
        String data = notice.data().toString();
        webhookSender.execute(() -> {
            try {
                int status = postWebhook(target, notice.type(), data, true);
                LOG.log(System.Logger.Level.INFO, "webhook {0} → {1}", notice.type(), status);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "webhook {0} to {1} failed: {2}", notice.type(), target, e);
            }
        });
    }

    @Override
    public void close() {
        refuseConnections(true);
        ticker.shutdownNow();
        webhookSender.shutdownNow();
        handlers.shutdownNow();
    }

    // ---- HTTP ----

    private HttpServer bind(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        http.createContext("/", this::handle);
        http.setExecutor(handlers);
        http.start();
        return http;
    }

    private void tick() {
        try {
            cloud.advance();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "simulated clock step failed", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            synchronized (requests) {
                requests.add(new Request(method, path, headers, body));
            }
            Answer answer;
            try {
                answer = path.equals(TOKEN_PATH) ? token(method, headers, body) : api(exchange, method, path, body);
            } catch (BikeepError e) {
                answer = Answer.error(e);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "simulator failed on " + method + " " + path, e);
                answer = Answer.error(BikeepError.of(500, "simulator failure: " + e));
            }
            if (!path.equals(TOKEN_PATH)) {
                sleep(responseDelay.get());
            }
            byte[] bytes = MAPPER.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client went away (e.g. its read timeout): nothing to answer
        }
    }

    private record Answer(int status, JsonNode body, Map<String, String> headers) {
        static Answer ok(JsonNode body) {
            return new Answer(200, body, Map.of());
        }

        static Answer error(BikeepError e) {
            return new Answer(e.status, errorBody(e), Map.of());
        }
    }

    static ObjectNode errorBody(BikeepError e) {
        return MAPPER.createObjectNode()
                .put("error_message", e.getMessage())
                .put("status_code", e.status)
                .put("correlation_id", UUID.randomUUID().toString())
                .put("error_code", e.code);
    }

    private Answer token(String method, Map<String, List<String>> headers, String body) {
        tokenFetches.incrementAndGet();
        if (!method.equals("POST")) {
            throw BikeepError.of(405, "use POST " + TOKEN_PATH);
        }
        String contentType = Optional.ofNullable(headers.get("Content-Type"))
                .map(v -> v.get(0))
                .orElse("");
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            throw BikeepError.of(400, "Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = parseForm(body);
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new BikeepError(400, "ERRORS.UNSUPPORTED_GRANT_TYPE", "grant_type must be client_credentials");
        }
        if (!settings.clientId().equals(form.get("client_id"))
                || !settings.clientSecret().equals(form.get("client_secret"))) {
            throw new BikeepError(401, "ERRORS.INVALID_CLIENT", "invalid client credentials");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "sim." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.put(token, clock.instant().plus(settings.tokenLifetime()));
        return Answer.ok(MAPPER.createObjectNode()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", settings.tokenLifetime().toSeconds()));
    }

    private static final Pattern DEVICES_OF_LOCATION = Pattern.compile("/device/v1/locations/([^/]+)/devices");
    private static final Pattern DEVICE = Pattern.compile("/device/v1/devices/([^/]+)");
    private static final Pattern COMMANDS_OF_DEVICE = Pattern.compile("/device/v1/devices/([^/]+)/commands");
    private static final Pattern COMMAND = Pattern.compile("/device/v1/commands/([^/]+)");
    private static final Pattern WHITELISTS_OF_LOCATION = Pattern.compile("/whitelist/v1/locations/([^/]+)/whitelists");
    private static final Pattern ENTITIES = Pattern.compile("/whitelist/v1/whitelists/([^/]+)/entities");

    private Answer api(HttpExchange exchange, String method, String path, String body) {
        PlannedFailure failure = nextFailure();
        if (failure != null) {
            BikeepError error = BikeepError.of(failure.status(), "simulated failure " + failure.status());
            Map<String, String> headers = failure.retryAfter() == null
                    ? Map.of()
                    : Map.of("Retry-After", String.valueOf(ceilSeconds(failure.retryAfter())));
            return new Answer(error.status, errorBody(error), headers);
        }
        authorize(exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher m;
        if (path.equals("/location/v1/locations")) {
            expect(method, "GET");
            return Answer.ok(cloud.locationsJson());
        }
        if ((m = DEVICES_OF_LOCATION.matcher(path)).matches()) {
            expect(method, "GET");
            return Answer.ok(cloud.devicesJson(m.group(1)));
        }
        if ((m = COMMANDS_OF_DEVICE.matcher(path)).matches()) {
            expect(method, "POST");
            return Answer.ok(cloud.sendCommand(m.group(1), json(body)));
        }
        if ((m = DEVICE.matcher(path)).matches()) {
            expect(method, "GET");
            return Answer.ok(cloud.deviceJson(m.group(1)));
        }
        if ((m = COMMAND.matcher(path)).matches()) {
            expect(method, "GET");
            return Answer.ok(cloud.commandJson(m.group(1)));
        }
        if ((m = WHITELISTS_OF_LOCATION.matcher(path)).matches()) {
            expect(method, "GET");
            return Answer.ok(cloud.whitelistsJson(m.group(1)));
        }
        if ((m = ENTITIES.matcher(path)).matches()) {
            if (method.equals("GET")) {
                return Answer.ok(cloud.entitiesJson(m.group(1)));
            }
            expect(method, "POST");
            SimulatedCloud.EntitiesOutcome outcome = cloud.changeEntities(m.group(1), json(body));
            if (outcome.failed().isEmpty()) {
                return Answer.ok(MAPPER.createObjectNode().set("data", outcome.applied()));
            }
            BikeepError error = new BikeepError(
                    400,
                    "ERRORS.BATCH_OPERATION_FAILED",
                    outcome.failed().size() + " of "
                            + (outcome.failed().size() + outcome.applied().size()) + " entities failed");
            ObjectNode errorBody = errorBody(error);
            errorBody.set("error_results", outcome.failed());
            return new Answer(400, errorBody, Map.of());
        }
        throw BikeepError.of(404, "no route " + method + " " + path);
    }

    private void authorize(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw BikeepError.of(401, "missing bearer token");
        }
        Instant expiry = tokens.get(authorization.substring("Bearer ".length()));
        if (expiry == null) {
            throw BikeepError.of(401, "invalid or revoked token");
        }
        if (!clock.instant().isBefore(expiry)) {
            throw BikeepError.of(401, "token expired");
        }
    }

    private static void expect(String method, String wanted) {
        if (!method.equals(wanted)) {
            throw BikeepError.of(405, "method " + method + " not allowed here; use " + wanted);
        }
    }

    private static JsonNode json(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw BikeepError.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw BikeepError.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, String> parseForm(String form) {
        Map<String, String> values = new HashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private void plan(int status, Duration retryAfter, int times) {
        if (status < 400 || status > 599 || times < 1) {
            throw new IllegalArgumentException("a failure is a 4xx/5xx status, at least once");
        }
        synchronized (failures) {
            failures.addLast(new PlannedFailure(status, retryAfter, new AtomicInteger(times)));
        }
    }

    private PlannedFailure nextFailure() {
        synchronized (failures) {
            PlannedFailure head = failures.peekFirst();
            if (head == null) {
                return null;
            }
            if (head.remaining().decrementAndGet() == 0) {
                failures.removeFirst();
            }
            return head;
        }
    }

    private static long ceilSeconds(Duration d) {
        long seconds = d.toSeconds();
        return d.minusSeconds(seconds).isZero() ? seconds : seconds + 1;
    }

    private static void sleep(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
