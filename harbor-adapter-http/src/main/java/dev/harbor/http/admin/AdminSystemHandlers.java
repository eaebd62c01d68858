package dev.harbor.http.admin;

import dev.harbor.application.Actor;
import dev.harbor.application.diagnostics.ReportErrors;
import dev.harbor.application.diagnostics.ReportErrors.TestEventResult;
import dev.harbor.application.system.BackUpDatabase;
import dev.harbor.application.system.BackUpDatabase.BackupResult;
import dev.harbor.application.system.QuerySystem;
import dev.harbor.application.system.RebootGateway;
import dev.harbor.application.system.RebootGateway.RebootResult;
import dev.harbor.http.internal.ApiError;
import dev.harbor.http.internal.HttpTools;
import dev.harbor.http.local.OperationResponse;
import dev.harbor.http.local.SystemResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code POST /system/network/refresh}, {@code POST /system/reboot}, {@code POST /system/backup},
 * {@code POST /diagnostics/sentry-test}. All admin.
 */
final class AdminSystemHandlers {

    static final String SENTRY_SETTING = "HARBOR_SENTRY_DSN";

    private final QuerySystem system;
    private final RebootGateway reboot;
    private final BackUpDatabase backups;
    private final ReportErrors reporter;
    private final HttpTools http;

    AdminSystemHandlers(
            QuerySystem system, RebootGateway reboot, BackUpDatabase backups, ReportErrors reporter, HttpTools http) {
        this.system = system;
        this.reboot = reboot;
        this.backups = backups;
        this.reporter = reporter;
        this.http = http;
    }

    void register(RoutesConfig routes) {
        routes.post("/system/network/refresh", http.admin().require(this::refreshNetwork));
        routes.post("/system/reboot", http.admin().require(this::reboot));
        routes.post("/system/backup", http.admin().require(this::backup));
        routes.post("/diagnostics/sentry-test", http.admin().require(this::sentryTest));
    }

    private void refreshNetwork(Context ctx, Actor admin) {
        http.responses().ok(ctx, SystemResponse.Network.from(system.refreshNetwork()));
    }

    private void reboot(Context ctx, Actor admin) {
        RebootResult result = reboot.reboot(admin);
        if (result instanceof RebootResult.Scheduled scheduled) {
            http.responses()
                    .json(
                            ctx,
                            202,
                            OperationResponse.ok("Rebooting: the gateway shuts down cleanly in "
                                    + scheduled.delay().toMillis() + " ms, then runs the reboot command"));
            return;
        }
        if (result instanceof RebootResult.Disabled) {
            throw new ApiError(
                    409,
                    "INVALID_STATE",
                    "Reboot is disabled: set " + RebootGateway.SETTING + " to the command that reboots this host",
                    Map.of("setting", RebootGateway.SETTING));
        }
        throw new IllegalStateException(
                "unmapped reboot result " + result.getClass().getName());
    }

    /** Reads nothing from the request: where the copy goes is the gateway's choice alone. */
    private void backup(Context ctx, Actor admin) {
        BackupResult result = backups.backUp(admin);
        if (result instanceof BackupResult.Written written) {
            http.responses().ok(ctx, new BackupResponse(true, written.file(), written.bytes(), written.createdAt()));
            return;
        }
        if (result instanceof BackupResult.NotSupported notSupported) {
            throw new ApiError(409, "INVALID_STATE", notSupported.message(), Map.of());
        }
        throw new IllegalStateException(
                "unmapped backup result " + result.getClass().getName());
    }

    private void sentryTest(Context ctx, Actor admin) {
        TestEventResult result = reporter.sendTestEvent();
        if (result instanceof TestEventResult.Sent sent) {
            http.responses().ok(ctx, new SentryTestResponse(true, sent.eventId()));
            return;
        }
        if (result instanceof TestEventResult.NotSent) {
            http.responses().ok(ctx, new SentryTestResponse(false, null));
            return;
        }
        if (result instanceof TestEventResult.Disabled) {
            throw new ApiError(
                    409,
                    "INVALID_STATE",
                    "Sentry is not configured: set " + SENTRY_SETTING,
                    Map.of("setting", SENTRY_SETTING));
        }
        throw new IllegalStateException(
                "unmapped test event result " + result.getClass().getName());
    }
}
