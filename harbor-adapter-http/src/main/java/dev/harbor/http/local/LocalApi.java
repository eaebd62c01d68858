package dev.harbor.http.local;

import dev.harbor.http.api.LocalApiUseCases;
import dev.harbor.http.internal.HttpTools;
import io.javalin.config.RoutesConfig;

/** Every route of the Local API (local-api.md). */
public final class LocalApi {

    private final LocalApiUseCases useCases;
    private final HttpTools http;

    public LocalApi(LocalApiUseCases useCases, HttpTools http) {
        this.useCases = useCases;
        this.http = http;
    }

    public void register(RoutesConfig routes) {
        new SystemHandlers(
                        useCases.querySystem(),
                        useCases.manageSettings(),
                        useCases.externalDevices(),
                        useCases.systemLogs(),
                        http)
                .register(routes);
        new TransactionHandlers(
                        useCases.createTransaction(),
                        useCases.queryTransactions(),
                        useCases.releaseTransaction(),
                        useCases.openLocker(),
                        http)
                .register(routes);
        new LockerHandlers(
                        useCases.queryLockers(),
                        useCases.openLocker(),
                        useCases.openAllLockers(),
                        useCases.updateServiceState(),
                        http)
                .register(routes);
        new CatalogueHandlers(useCases.layout(), http).register(routes);
    }
}
