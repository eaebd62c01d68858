package dev.harbor.app;

import dev.harbor.application.assembly.HarborCore;
import dev.harbor.persistence.Database;

/**
 * The stores of a {@link Database}, as {@link Harbor.Builder#stores} takes them. An integrator
 * with stores of its own builds {@link HarborCore.Stores} directly.
 */
public final class HarborStores {

    private HarborStores() {}

    public static HarborCore.Stores of(Database database) {
        return new HarborCore.Stores(
                database.lockerStore(),
                database.transactionStore(),
                database.controllerStore(),
                database.layoutStore(),
                database.settingsStore(),
                database.externalDeviceStore(),
                database.auditTrail(),
                database.adminUserStore(),
                database.sessionStore(),
                database.loginFailureStore(),
                database.webhookDeliveries(),
                database.remoteCommandLog(),
                database.storageName(),
                database::isUp,
                database.backups());
    }
}
