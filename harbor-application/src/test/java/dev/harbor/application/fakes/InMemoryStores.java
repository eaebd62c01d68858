package dev.harbor.application.fakes;

import dev.harbor.application.port.contract.Stores;

/** Every in-memory store over one new {@link InMemoryDatabase}. */
public final class InMemoryStores {

    private InMemoryStores() {}

    public static Stores fresh() {
        return of(new InMemoryDatabase());
    }

    public static Stores of(InMemoryDatabase db) {
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
