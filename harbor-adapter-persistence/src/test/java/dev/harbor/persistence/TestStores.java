package dev.harbor.persistence;

import dev.harbor.application.port.contract.Stores;

final class TestStores {

    private TestStores() {}

    static Stores of(Database db) {
        return new Stores(
                db.lockerStore(),
                db.transactionStore(),
                db.controllerStore(),
                db.layoutStore(),
                db.settingsStore(),
                db.externalDeviceStore(),
                db.auditTrail(),
                db.remoteCommandLog());
    }
}
