package dev.harbor.http.local;

import dev.harbor.application.Actor;
import dev.harbor.application.system.ExternalDevices;
import dev.harbor.application.system.GatewayHealth;
import dev.harbor.application.system.ManageSettings;
import dev.harbor.application.system.QuerySystem;
import dev.harbor.application.system.RecordHeartbeat.HeartbeatCommand;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.application.system.SystemLogs;
import dev.harbor.http.internal.Access;
import dev.harbor.http.internal.ApiError;
import dev.harbor.http.internal.HttpTools;
import dev.harbor.http.internal.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;

/** {@code /health} and {@code /system}: health, heartbeats, devices, information, settings, logs. */
final class SystemHandlers {

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
        routes.get("/health", this::health, Access.WITHOUT_CLIENT_KEY);
        routes.post("/system/heartbeat", this::heartbeat);
        routes.get("/system/devices", this::devices);
        // Admin only: the entries name admins, client addresses and controllers.
        routes.get("/system/logs", http.admin().require(this::logs));
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
        settings.change(body.toChange(), admin);
        http.responses().ok(ctx, SystemResponse.from(system.info()));
    }

    private void logs(Context ctx, Actor admin) {
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
}
