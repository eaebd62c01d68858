package dev.harbor.http.api;

import dev.harbor.application.layout.QueryCatalogue;
import dev.harbor.application.locker.OpenAllLockers;
import dev.harbor.application.locker.OpenLocker;
import dev.harbor.application.locker.QueryLockers;
import dev.harbor.application.locker.UpdateServiceState;
import dev.harbor.application.system.ExternalDevices;
import dev.harbor.application.system.ManageSettings;
import dev.harbor.application.system.QuerySystem;
import dev.harbor.application.system.SystemLogs;
import dev.harbor.application.transaction.CreateTransaction;
import dev.harbor.application.transaction.QueryTransactions;
import dev.harbor.application.transaction.ReleaseTransaction;
import java.util.Objects;

/**
 * The driving ports the Local API calls. {@code layout} is the catalogue of locker types and
 * bank types, read-only over the API.
 */
public record LocalApiUseCases(
        CreateTransaction createTransaction,
        QueryTransactions queryTransactions,
        ReleaseTransaction releaseTransaction,
        QueryLockers queryLockers,
        OpenLocker openLocker,
        OpenAllLockers openAllLockers,
        UpdateServiceState updateServiceState,
        QueryCatalogue layout,
        QuerySystem querySystem,
        ManageSettings manageSettings,
        ExternalDevices externalDevices,
        SystemLogs systemLogs) {

    public LocalApiUseCases {
        Objects.requireNonNull(createTransaction, "createTransaction");
        Objects.requireNonNull(queryTransactions, "queryTransactions");
        Objects.requireNonNull(releaseTransaction, "releaseTransaction");
        Objects.requireNonNull(queryLockers, "queryLockers");
        Objects.requireNonNull(openLocker, "openLocker");
        Objects.requireNonNull(openAllLockers, "openAllLockers");
        Objects.requireNonNull(updateServiceState, "updateServiceState");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(querySystem, "querySystem");
        Objects.requireNonNull(manageSettings, "manageSettings");
        Objects.requireNonNull(externalDevices, "externalDevices");
        Objects.requireNonNull(systemLogs, "systemLogs");
    }
}
