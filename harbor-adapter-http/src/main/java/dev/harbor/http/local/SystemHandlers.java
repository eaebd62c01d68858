package dev.harbor.http.local;

import dev.harbor.application.Actor;
import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.application.system.ExternalDevices;
import dev.harbor.application.system.GatewayHealth;
import dev.harbor.application.system.ManageSettings;
import dev.harbor.application.system.QuerySystem;
import dev.harbor.application.system.RecordHeartbeat.HeartbeatCommand;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.application.system.SettingsChange;
import dev.harbor.application.system.SystemLogs;
import dev.harbor.domain.health.HeartbeatThresholds;
import dev.harbor.http.internal.ApiError;
import dev.harbor.http.internal.HttpTools;
import dev.harbor.http.internal.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** {@code /health} and {@code /system}: health, heartbeats, devices, information, settings, logs. */
final class SystemHandlers {

    private static final int MAX_NAME = 100;
    private static final int DEFAULT_LOG_LIMIT = 200;

    private final QuerySystem system;
    private final ManageSettings settings;
    private final ExternalDevices devices;
    private final SystemLogs logs;
    private final HttpTools http;

    SystemHandlers(
            QuerySystem system, ManageSettings settings, ExternalDevices devices, SystemLogs logs, HttpTools http) {
        this.system = system;
        this.settings = settings;
        this.devices = devices;
        this.logs = logs;
        this.http = http;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.post("/system/heartbeat", this::heartbeat);
        routes.get("/system/devices", this::devices);
        routes.get("/system/logs", this::logs);
        routes.get("/system", this::info);
        routes.patch("/system", http.admin().require(this::change));
    }

    private void health(Context ctx) {
        GatewayHealth health = system.health();
        http.responses()
                .json(ctx, health.status() == GatewayHealth.Status.DOWN ? 503 : 200, HealthResponse.from(health));
    }

    private void heartbeat(Context ctx) {
        HeartbeatRequest body = http.bodies().read(ctx, HeartbeatRequest.class);
        devices.recordHeartbeat(new HeartbeatCommand(
                body.deviceId(), body.deviceType(), body.status(), body.softwareVersion(), body.details()));
        http.responses().ok(ctx, OperationResponse.ok("Heartbeat recorded"));
    }

    private void devices(Context ctx) {
        http.responses()
                .ok(ctx, devices.devices().stream().map(DeviceResponse::from).toList());
    }

    private void info(Context ctx) {
        http.responses().ok(ctx, SystemResponse.from(system.info()));
    }

    private void change(Context ctx, Actor admin) {
        SystemPatchRequest body = http.bodies().read(ctx, SystemPatchRequest.class);
        settings.change(settingsChange(body, settings.current()), admin);
        http.responses().ok(ctx, SystemResponse.from(system.info()));
    }

    private void logs(Context ctx) {
        String level = ctx.queryParam("level");
        if (level != null && !RuntimeSettings.LOG_LEVELS.contains(level)) {
            throw ApiError.invalid(
                    "level must be one of TRACE, DEBUG, INFO, WARN, ERROR", Map.of("level", Params.echo(level)));
        }
        int limit = Params.intQuery(ctx, "limit", 1, SystemLogs.MAX_LIMIT).orElse(DEFAULT_LOG_LIMIT);
        Instant since = Params.instantQuery(ctx, "since").orElse(null);
        http.responses()
                .ok(
                        ctx,
                        logs.recent(level, limit, since).stream()
                                .map(LogEntryResponse::from)
                                .toList());
    }

    /** Absent fields, nested ones too, keep their current value. */
    private static SettingsChange settingsChange(SystemPatchRequest body, RuntimeSettings current) {
        if (body.name() != null && (body.name().isBlank() || body.name().length() > MAX_NAME)) {
            throw ApiError.invalidField("name", "name must be 1-" + MAX_NAME + " characters");
        }
        if (body.logLevel() != null && !RuntimeSettings.LOG_LEVELS.contains(body.logLevel())) {
            throw ApiError.invalidField("logLevel", "logLevel must be one of TRACE, DEBUG, INFO, WARN, ERROR");
        }
        DoorOpenSettings door = null;
        if (body.doorOpenPolicy() != null) {
            SystemPatchRequest.DoorOpenPolicy p = body.doorOpenPolicy();
            DoorOpenSettings now = current.doorOpen();
            long maxAttempts = positive(
                    "doorOpenPolicy.maxAttempts",
                    p.maxAttempts() == null ? null : p.maxAttempts().longValue());
            if (p.maxAttempts() != null && maxAttempts > DoorOpenSettings.MAX_ATTEMPTS_LIMIT) {
                throw ApiError.invalidField(
                        "doorOpenPolicy.maxAttempts", "maxAttempts must be 1-" + DoorOpenSettings.MAX_ATTEMPTS_LIMIT);
            }
            door = build(
                    "doorOpenPolicy",
                    () -> new DoorOpenSettings(
                            millis("doorOpenPolicy.attemptTimeoutMs", p.attemptTimeoutMs(), now.attemptTimeout()),
                            p.maxAttempts() != null ? p.maxAttempts() : now.maxAttempts(),
                            millis("doorOpenPolicy.delayMs", p.delayMs(), now.delay())));
        }
        HeartbeatThresholds heartbeat = null;
        if (body.heartbeat() != null) {
            SystemPatchRequest.Heartbeat h = body.heartbeat();
            HeartbeatThresholds now = current.heartbeat();
            heartbeat = build(
                    "heartbeat",
                    () -> new HeartbeatThresholds(
                            millis("heartbeat.unhealthyAfterMs", h.unhealthyAfterMs(), now.unhealthyAfter()),
                            millis("heartbeat.deadAfterMs", h.deadAfterMs(), now.deadAfter()),
                            millis("heartbeat.longDeadAfterMs", h.longDeadAfterMs(), now.longDeadAfter())));
        }
        return new SettingsChange(body.name(), door, heartbeat, body.logLevel());
    }

    private static Duration millis(String field, Long value, Duration current) {
        return value == null ? current : Duration.ofMillis(positive(field, value));
    }

    private static long positive(String field, Long value) {
        if (value != null && value <= 0) {
            throw ApiError.invalidField(field, field + " must be positive");
        }
        return value == null ? 0 : value;
    }

    /** The value types check the rules between fields (dead after unhealthy …); their refusal is a 400. */
    private static <T> T build(String field, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField(field, e.getMessage());
        }
    }
}
