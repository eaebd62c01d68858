package dev.harbor.application.fakes;

import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.ExternalDeviceStore;
import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.application.port.SettingsStore;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.transaction.Transaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables the in-memory stores share, as the real stores share one database: a release seen by
 * the transaction store frees the locker the locker store returns, a removed controller takes its
 * lockers with it. Every store method holds this object's monitor for its whole run, which makes
 * each one a serialisable transaction. Like the database, it keeps instants to the millisecond
 * and never reuses a generated id.
 */
public final class InMemoryDatabase {

    final TreeMap<Long, Controller> controllers = new TreeMap<>();
    final TreeMap<Long, Locker> lockers = new TreeMap<>();
    final Map<String, Transaction> transactions = new LinkedHashMap<>();
    final TreeMap<Long, LockerType> lockerTypes = new TreeMap<>();
    final TreeMap<Long, BankType> bankTypes = new TreeMap<>();
    SettingsStore.StoredSettings settings;
    String gatewayId;
    final TreeMap<String, ExternalDeviceStore.Heartbeat> heartbeats = new TreeMap<>();
    final List<AuditTrail.Entry> audit = new ArrayList<>();
    final TreeMap<Long, RemoteCommandLog.Entry> remoteCommands = new TreeMap<>();

    long lastControllerId;
    long lastLockerId;
    long lastLockerTypeId;
    long lastBankTypeId;
    long lastRemoteCommandId;

    private final InMemoryLockerStore lockerStore = new InMemoryLockerStore(this);
    private final InMemoryTransactionStore transactionStore = new InMemoryTransactionStore(this);
    private final InMemoryControllerStore controllerStore = new InMemoryControllerStore(this);
    private final InMemoryLayoutStore layoutStore = new InMemoryLayoutStore(this);
    private final InMemorySettingsStore settingsStore = new InMemorySettingsStore(this);
    private final InMemoryExternalDeviceStore externalDeviceStore = new InMemoryExternalDeviceStore(this);
    private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail(this);
    private final InMemoryRemoteCommandLog remoteCommandLog = new InMemoryRemoteCommandLog(this);

    public InMemoryLockerStore lockerStore() {
        return lockerStore;
    }

    public InMemoryTransactionStore transactionStore() {
        return transactionStore;
    }

    public InMemoryControllerStore controllerStore() {
        return controllerStore;
    }

    public InMemoryLayoutStore layoutStore() {
        return layoutStore;
    }

    public InMemorySettingsStore settingsStore() {
        return settingsStore;
    }

    public InMemoryExternalDeviceStore externalDeviceStore() {
        return externalDeviceStore;
    }

    public InMemoryAuditTrail auditTrail() {
        return auditTrail;
    }

    public InMemoryRemoteCommandLog remoteCommandLog() {
        return remoteCommandLog;
    }

    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static DeviceStatus millis(DeviceStatus status) {
        return new DeviceStatus(
                status.state(),
                millis(status.changedAt()),
                millis(status.timeoutAt()),
                status.holder(),
                status.pendingState(),
                status.returnState(),
                millis(status.bookingExpiresAt()));
    }

    /** Whether an active transaction holds this locker (the database's partial unique index). */
    boolean hasActiveTransaction(long lockerId) {
        return transactions.values().stream()
                .anyMatch(t -> t.isActive() && t.lockerId().value() == lockerId);
    }

    /** The database's unique index on a locker's external device. */
    boolean deviceTaken(ExternalDevice external) {
        return lockers.values().stream()
                .anyMatch(l -> l.external() != null
                        && l.external().system().equals(external.system())
                        && l.external().deviceId().equals(external.deviceId()));
    }

    /** The database's unique index on the holder column. */
    boolean heldElsewhere(String holder, long lockerId) {
        return holder != null
                && lockers.values().stream()
                        .anyMatch(l -> l.id().value() != lockerId
                                && holder.equals(l.device().holder()));
    }
}
