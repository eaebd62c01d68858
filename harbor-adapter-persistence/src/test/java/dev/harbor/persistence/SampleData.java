package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.ExternalDeviceStore;
import dev.harbor.application.port.SettingsStore;
import dev.harbor.application.port.TransactionStore.Assignment;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.DiscoveredVia;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.ReasonCode;
import dev.harbor.domain.locker.ServiceState;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A little of everything, written through the stores, to check it is all still there later. */
record SampleData(
        List<Locker> lockers,
        List<Transaction> active,
        Transaction released,
        Optional<SettingsStore.StoredSettings> settings,
        List<ExternalDeviceStore.Heartbeat> heartbeats,
        List<AuditTrail.Entry> audit,
        LockerType type,
        ControllerStore.Registered controller) {

    static final Instant T0 = Instant.parse("2026-02-20T22:56:40.123Z");

    static SampleData write(Database db) {
        LockerType type = db.layoutStore()
                .upsertLockerType(new LockerType(new LockerTypeId(1), "medium", "Medium", null, 300, 400, 500, T0));
        BoardEndpoint endpoint = new BoardEndpoint(
                Protocol.KERONG_CU16, new Transport.Serial("/dev/ttyUSB0", 9600), 0, ProtocolOptions.DEFAULTS);
        ControllerStore.Registered controller = db.controllerStore()
                .add(
                        new ControllerStore.NewController("Tower A", endpoint, null, DiscoveredVia.LAYOUT, T0),
                        Collections.nCopies(4, type.id()),
                        DeviceStatus.initial(T0));
        List<Locker> lockers = controller.lockers();
        Transaction kept = assign(db, "order-1", lockers);
        db.transactionStore().recordOpen(kept.id());
        assign(db, "order-2", lockers);
        Transaction released = db.transactionStore()
                .release(new TransactionId("order-2"), DeviceStatus.initial(T0.plusSeconds(1)), T0.plusSeconds(1))
                .orElseThrow();
        db.lockerStore()
                .updateService(lockers.get(3).id(), ServiceState.outOfService(ReasonCode.VANDALISM, "door bent"));
        db.lockerStore().updateDoorOpen(lockers.get(2).id(), true);
        db.settingsStore()
                .save(new SettingsStore.StoredSettings(
                        "Lobby",
                        Duration.ofSeconds(20),
                        3,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(30),
                        Duration.ofHours(2),
                        "DEBUG"));
        db.externalDeviceStore()
                .record(new ExternalDeviceStore.Heartbeat(
                        "kiosk-1", "KIOSK", "OK", "4.2.0", Map.of("paper", "low"), T0));
        db.auditTrail().record(new AuditTrail.Entry(T0, "admin", "controller.add", "controller 1", "OK", null));
        return new SampleData(
                db.lockerStore().findAll(),
                db.transactionStore().findActive(),
                released,
                db.settingsStore().load(),
                db.externalDeviceStore().latest(),
                db.auditTrail().recent(10, null),
                type,
                controller);
    }

    private static Transaction assign(Database db, String id, List<Locker> lockers) {
        TransactionId tx = new TransactionId(id);
        Assignment result = db.transactionStore()
                .assign(
                        tx,
                        lockers.stream().map(Locker::id).toList(),
                        new DeviceStatus(DeviceState.BOOKED, T0, null, id, null, null, null),
                        T0);
        return ((Assignment.Assigned) result).transaction();
    }

    void assertStillIn(Database db) {
        assertThat(db.lockerStore().findAll()).isEqualTo(lockers);
        assertThat(db.transactionStore().findActive()).isEqualTo(active);
        assertThat(active).extracting(Transaction::openCount).containsExactly(1);
        assertThat(db.transactionStore().find(released.id())).contains(released);
        assertThat(db.settingsStore().load()).isEqualTo(settings);
        assertThat(db.externalDeviceStore().latest()).isEqualTo(heartbeats);
        assertThat(db.auditTrail().recent(10, null)).isEqualTo(audit);
        assertThat(db.layoutStore().lockerTypes()).containsExactly(type);
        assertThat(db.controllerStore().findAll()).containsExactly(controller.controller());
    }
}
