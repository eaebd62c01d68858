package dev.harbor.app;

import dev.harbor.application.assembly.HarborCore;
import dev.harbor.application.port.AdminUserStore;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.ExternalDeviceStore;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.SessionStore;
import dev.harbor.application.port.SettingsStore;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.persistence.Database;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Every store Harbor needs, with the name of the storage and its health check. Usually made from
 * a {@link Database}; an integrator may bring stores of its own.
 */
public record HarborStores(
        LockerStore lockers,
        TransactionStore transactions,
        ControllerStore controllers,
        LayoutStore layout,
        SettingsStore settings,
        ExternalDeviceStore externalDevices,
        AuditTrail auditTrail,
        AdminUserStore adminUsers,
        SessionStore sessions,
        String storageName,
        BooleanSupplier isUp) {

    public HarborStores {
        Objects.requireNonNull(lockers, "lockers");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(controllers, "controllers");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(externalDevices, "externalDevices");
        Objects.requireNonNull(auditTrail, "auditTrail");
        Objects.requireNonNull(adminUsers, "adminUsers");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(storageName, "storageName");
        Objects.requireNonNull(isUp, "isUp");
    }

    public static HarborStores of(Database database) {
        return new HarborStores(
                database.lockerStore(),
                database.transactionStore(),
                database.controllerStore(),
                database.layoutStore(),
                database.settingsStore(),
                database.externalDeviceStore(),
                database.auditTrail(),
                database.adminUserStore(),
                database.sessionStore(),
                database.storageName(),
                database::isUp);
    }

    HarborCore.Stores toCore() {
        return new HarborCore.Stores(
                lockers,
                transactions,
                controllers,
                layout,
                settings,
                externalDevices,
                auditTrail,
                adminUsers,
                sessions,
                storageName,
                isUp);
    }

    static HarborStores of(HarborCore.Stores stores) {
        return new HarborStores(
                stores.lockers(),
                stores.transactions(),
                stores.controllers(),
                stores.layout(),
                stores.settings(),
                stores.externalDevices(),
                stores.auditTrail(),
                stores.adminUsers(),
                stores.sessions(),
                stores.storageName(),
                stores.isUp());
    }
}
