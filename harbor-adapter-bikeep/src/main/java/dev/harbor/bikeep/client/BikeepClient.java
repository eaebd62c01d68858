package dev.harbor.bikeep.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A client of the Bikeep cloud API (server-to-server OAuth2): locations, devices, asynchronous
 * device commands and RFID whitelists. Thread-safe: build one per set of credentials and share it.
 *
 * <pre>{@code
 * BikeepClient bikeep = BikeepClient.builder()
 *         .credentials(clientId, clientSecret)
 *         .build();
 * CommandRecord sent = bikeep.sendCommand(deviceId, DeviceCommand.BOOK, Instant.now().plusSeconds(3600));
 * CommandRecord done = bikeep.awaitCommand(sent.id(), Duration.ofSeconds(1), Duration.ofSeconds(15));
 * }</pre>
 *
 * <p><b>Token.</b> One OAuth2 token serves every call. It is fetched on first use and again when less
 * than 60 s of its life is left, by one caller while the others wait. When an API call answers 401
 * the token is fetched once more and that call is repeated once. When the token endpoint refuses the
 * credentials, calls fail with {@link BikeepCredentialsException} and the endpoint is not asked again
 * before a back-off (5 s, doubling per refusal in a row, at most 5 min; see {@link
 * Builder#credentialBackoff}).
 *
 * <p><b>Retries.</b> Reads are retried on connection failures, 5xx and 429 (after {@code
 * Retry-After} when Bikeep sends one), up to 3 times with a doubling delay. A command is re-sent only
 * when it provably did not arrive (connection refused, 503 or 429); when its answer is lost it is
 * never re-sent: {@link BikeepOutcomeUnknownException} tells the caller to re-read the device.
 *
 * <p><b>Failures.</b> Every failure is a {@link BikeepException} carrying Bikeep's status, {@code
 * error_code} and {@code correlation_id}, and is logged once at WARN (logger {@code
 * dev.harbor.bikeep.client}) with the correlation id. Neither log lines nor exception messages ever
 * contain the client secret or a token.
 */
public final class BikeepClient {

    private final BikeepHttp http;

    private BikeepClient(ClientSettings settings) {
        this.http = new BikeepHttp(settings);
    }

    /** A builder with Bikeep's production URLs and safe timeouts; only the credentials are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every location the credentials' operator can see ({@code GET /location/v1/locations}). */
    public List<Location> locations() {
        return BikeepJson.list(http.get("/location/v1/locations"), BikeepJson::location);
    }

    /**
     * The devices of a location, gateways ({@code GUARD}) included ({@code GET
     * /device/v1/locations/{id}/devices}).
     */
    public List<Device> devices(String locationId) {
        return BikeepJson.list(
                http.get("/device/v1/locations/" + Paths.segment(locationId) + "/devices"), BikeepJson::device);
    }

    /** One device, read now ({@code GET /device/v1/devices/{id}}). */
    public Device device(String deviceId) {
        return BikeepJson.device(BikeepJson.single(http.get("/device/v1/devices/" + Paths.segment(deviceId))));
    }

    /**
     * Sends a command to a device; Bikeep's default timeouts apply (a booking lasts 1 h).
     *
     * @return the command as Bikeep accepted it, normally {@code SENT}; follow it with {@link
     *     #awaitCommand}
     * @throws BikeepOutcomeUnknownException when the answer was lost: re-read the device
     */
    public CommandRecord sendCommand(String deviceId, DeviceCommand command) {
        return sendCommand(deviceId, command, null);
    }

    /**
     * Sends a command to a device.
     *
     * @param timeoutAt when a booking ends; only for {@link DeviceCommand#BOOK}, null for Bikeep's
     *     default
     * @return the command as Bikeep accepted it, normally {@code SENT}
     * @throws IllegalArgumentException when {@code timeoutAt} is given for another command
     * @throws BikeepOutcomeUnknownException when the answer was lost: re-read the device
     */
    public CommandRecord sendCommand(String deviceId, DeviceCommand command, Instant timeoutAt) {
        Objects.requireNonNull(command, "command");
        if (timeoutAt != null && command != DeviceCommand.BOOK) {
            throw new IllegalArgumentException("timeoutAt is only for book, not " + command.wireName());
        }
        ObjectNode body = BikeepJson.object().put("command", command.wireName());
        if (timeoutAt != null) {
            body.put("timeout_at", timeoutAt.toString());
        }
        String path = "/device/v1/devices/" + Paths.segment(deviceId) + "/commands";
        return BikeepJson.command(BikeepJson.single(http.postCommand(path, body, deviceId)));
    }

    /** A command as it is now ({@code GET /device/v1/commands/{id}}). */
    public CommandRecord command(String commandId) {
        return BikeepJson.command(BikeepJson.single(http.get("/device/v1/commands/" + Paths.segment(commandId))));
    }

    /**
     * Polls a command until it is {@code SUCCESS} or {@code ERROR}, or {@code timeout} has passed.
     *
     * @return the last record read; check {@code state().isFinished()} to tell a timeout apart
     */
    public CommandRecord awaitCommand(String commandId, Duration pollEvery, Duration timeout)
            throws InterruptedException {
        return awaitCommand(commandId, pollEvery, timeout, record -> false);
    }

    /**
     * Polls a command every {@code pollEvery} (Bikeep asks for 1–2 s) until it is {@code SUCCESS} or
     * {@code ERROR}, {@code done} says enough (e.g. a {@code lock} that is {@code RECEIVED}), or
     * {@code timeout} has passed. A poll that fails after its retries throws.
     *
     * @return the last record read
     */
    public CommandRecord awaitCommand(
            String commandId, Duration pollEvery, Duration timeout, Predicate<CommandRecord> done)
            throws InterruptedException {
        Objects.requireNonNull(done, "done");
        if (pollEvery.isNegative() || pollEvery.isZero()) {
            throw new IllegalArgumentException("pollEvery must be positive, was " + pollEvery);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CommandRecord record = command(commandId);
            if (record.state().isFinished() || done.test(record)) {
                return record;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return record;
            }
            Thread.sleep(Math.max(1, Math.min(pollEvery.toMillis(), left / 1_000_000)));
        }
    }

    /** The whitelists (RFID allowlists) of a location ({@code GET /whitelist/v1/locations/{id}/whitelists}). */
    public List<Whitelist> whitelists(String locationId) {
        return BikeepJson.list(
                http.get("/whitelist/v1/locations/" + Paths.segment(locationId) + "/whitelists"),
                BikeepJson::whitelist);
    }

    /** The entities (RFID cards) of a whitelist ({@code GET /whitelist/v1/whitelists/{id}/entities}). */
    public List<WhitelistEntity> whitelistEntities(String whitelistId) {
        return BikeepJson.list(http.get(entitiesPath(whitelistId)), BikeepJson::entity);
    }

    /**
     * Adds entities to a whitelist; an entity already there is replaced (Bikeep upserts).
     *
     * @return which ids were applied and which Bikeep refused (the others stay applied: no rollback)
     */
    public EntityChangeResult addEntities(String whitelistId, List<WhitelistEntity> entities) {
        ArrayNode items = BikeepJson.array();
        List<String> ids = new ArrayList<>();
        for (WhitelistEntity entity : entities) {
            items.add(BikeepJson.entityToAdd(entity));
            ids.add(entity.id());
        }
        return changeEntities(whitelistId, "ADD", items, ids);
    }

    /**
     * Removes RFID cards from a whitelist (only id and {@code id_type} are sent).
     *
     * @return which ids were removed and which Bikeep refused
     */
    public EntityChangeResult removeEntities(String whitelistId, List<String> rfidIds) {
        ArrayNode items = BikeepJson.array();
        for (String id : rfidIds) {
            items.add(BikeepJson.entityToRemove(id, "rfid"));
        }
        return changeEntities(whitelistId, "REMOVE", items, List.copyOf(rfidIds));
    }

    private EntityChangeResult changeEntities(String whitelistId, String operation, ArrayNode items, List<String> ids) {
        if (ids.isEmpty()) {
            return new EntityChangeResult(List.of(), List.of());
        }
        String path = entitiesPath(whitelistId);
        ObjectNode body = BikeepJson.object().put("operation", operation);
        body.set("entities", items);
        BikeepHttp.Answer answer = http.post(path, body);
        if (answer.status() / 100 == 2) {
            return new EntityChangeResult(ids, List.of());
        }
        JsonNode errors = answer.body().path("error_results");
        if (answer.status() != 400 || !errors.isArray() || errors.isEmpty()) {
            throw http.failure("POST " + path, answer.status(), answer.body());
        }
        List<EntityChangeResult.Failure> failed = new ArrayList<>();
        Set<String> failedIds = new LinkedHashSet<>();
        for (JsonNode error : errors) {
            String id = BikeepJson.failedId(error);
            if (id == null || !ids.contains(id)) {
                // A failure we cannot pin on a card we sent: calling the others applied could report
                // a refused card as applied, so the whole answer is a failure.
                throw http.failure("POST " + path, answer.status(), answer.body());
            }
            failed.add(new EntityChangeResult.Failure(id, BikeepJson.failedMessage(error)));
            failedIds.add(id);
        }
        List<String> applied =
                ids.stream().filter(id -> !failedIds.contains(id)).toList();
        http.partialFailure("POST " + path, answer.body(), failed.size(), ids.size());
        return new EntityChangeResult(applied, failed);
    }

    private static String entitiesPath(String whitelistId) {
        return "/whitelist/v1/whitelists/" + Paths.segment(whitelistId) + "/entities";
    }

    /**
     * Configures a {@link BikeepClient}. Defaults: Bikeep's production URLs, connect timeout 5 s,
     * request timeout 10 s, 3 retries from 250 ms doubling up to 5 s, token renewed 60 s before it
     * expires, credential refusals backing off from 5 s up to 5 min.
     */
    public static final class Builder {

        private URI authUrl = URI.create("https://auth.bikeep.com");
        private URI apiUrl = URI.create("https://services.bikeep.com");
        private String clientId;
        private String clientSecret;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxRetries = 3;
        private Duration retryDelay = Duration.ofMillis(250);
        private Duration maxRetryDelay = Duration.ofSeconds(5);
        private Duration tokenRefreshMargin = Duration.ofSeconds(60);
        private Duration credentialBackoff = Duration.ofSeconds(5);
        private Duration maxCredentialBackoff = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The auth server; the token endpoint is {@code {authUrl}/oauth2/token}. */
        public Builder authUrl(URI authUrl) {
            this.authUrl = authUrl;
            return this;
        }

        /** The base of every resource path, e.g. {@code https://services.bikeep.com}. */
        public Builder apiUrl(URI apiUrl) {
            this.apiUrl = apiUrl;
            return this;
        }

        /** The S2S client credentials. Required. The secret is never logged. */
        public Builder credentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** How long opening a connection may take (default 5 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * How long one request may wait for its answer (default 10 s). A command whose answer does not
         * come within it fails with {@link BikeepOutcomeUnknownException}.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /**
         * Retries after a failed attempt (default 3), the first delay (default 250 ms, doubled per
         * retry) and the longest delay (default 5 s). A {@code Retry-After} answer replaces the delay.
         */
        public Builder retries(int maxRetries, Duration firstDelay, Duration maxDelay) {
            this.maxRetries = maxRetries;
            this.retryDelay = firstDelay;
            this.maxRetryDelay = maxDelay;
            return this;
        }

        /** How long before its expiry a token is replaced (default 60 s). */
        public Builder tokenRefreshMargin(Duration tokenRefreshMargin) {
            this.tokenRefreshMargin = tokenRefreshMargin;
            return this;
        }

        /**
         * After the token endpoint refuses the credentials, how long no caller asks it again: {@code
         * first} after one refusal, doubled per refusal in a row, at most {@code max} (defaults 5 s and
         * 5 min).
         */
        public Builder credentialBackoff(Duration first, Duration max) {
            this.credentialBackoff = first;
            this.maxCredentialBackoff = max;
            return this;
        }

        /** The clock token expiry and back-offs are measured with (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * A client; nothing is sent before the first call.
         *
         * @throws IllegalArgumentException when the credentials are missing or a setting is invalid
         */
        public BikeepClient build() {
            return new BikeepClient(new ClientSettings(
                    authUrl,
                    apiUrl,
                    clientId,
                    clientSecret,
                    connectTimeout,
                    requestTimeout,
                    maxRetries,
                    retryDelay,
                    maxRetryDelay,
                    tokenRefreshMargin,
                    credentialBackoff,
                    maxCredentialBackoff,
                    clock));
        }
    }
}
