package dev.harbor.http.admin;

import dev.harbor.application.diagnostics.ReportErrors;
import dev.harbor.application.system.BackUpDatabase;
import dev.harbor.http.api.AdminApiUseCases;
import dev.harbor.http.api.LocalApiUseCases;
import dev.harbor.http.internal.HttpTools;
import io.javalin.config.RoutesConfig;

/** Every route of the Admin API (admin-api.md) besides the admin routes on Local API paths. */
public final class AdminApi {

    private final AdminApiUseCases admin;
    private final LocalApiUseCases local;
    private final ReportErrors reporter;
    private final BackUpDatabase backups;
    private final HttpTools http;

    public AdminApi(
            AdminApiUseCases admin,
            LocalApiUseCases local,
            ReportErrors reporter,
            BackUpDatabase backups,
            HttpTools http) {
        this.admin = admin;
        this.local = local;
        this.reporter = reporter;
        this.backups = backups;
        this.http = http;
    }

    public void register(RoutesConfig routes) {
        new AuthHandlers(admin.authentication(), http).register(routes);
        new ControllerHandlers(admin.controllers(), admin.discovery(), local.queryLockers(), http).register(routes);
        new AdminSystemHandlers(local.querySystem(), admin.reboot(), backups, reporter, http).register(routes);
        new RemoteSiteHandlers(admin.remoteLocations(), admin.allowlists(), admin.allowlistCards(), http)
                .register(routes);
    }
}
