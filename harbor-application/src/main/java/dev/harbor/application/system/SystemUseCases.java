package dev.harbor.application.system;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.locker.CurrentDoorOpenSettings;
import dev.harbor.application.locker.QueryLockers;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.application.port.DatabaseBackups;
import dev.harbor.application.port.ExternalDeviceStore;
import dev.harbor.application.port.HostSystem;
import dev.harbor.application.port.LogBook;
import dev.harbor.application.port.SettingsStore;
import dev.harbor.domain.health.HeartbeatThresholds;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the system use cases over the driven ports. It exists because the application is
 * assembled in another package: the services behind these ports stay package-private, and the
 * assembly sees only what it hands out. One method per port, because the assembly needs the
 * settings long before it can build the gateway's overview, which reads the lockers.
 */
public final class SystemUseCases {

    private SystemUseCases() {}

    /**
     * The runtime settings as their two readers see them: the API changes them, the door-open
     * policy reads its numbers from them at every open.
     */
    public record Settings(ManageSettings manage, CurrentDoorOpenSettings doorOpen) {}

    /**
     * The runtime settings, restored from {@code store} (or {@code defaults}), with their log level
     * applied at once.
     *
     * @param logLevelApplier sets the root log level of the logging back end
     */
    public static Settings settings(
            SettingsStore store, RuntimeSettings defaults, Auditor auditor, Consumer<String> logLevelApplier) {
        SettingsService settings = new SettingsService(store, defaults, auditor, logLevelApplier);
        return new Settings(settings, settings);
    }

    /** @param thresholds the heartbeat thresholds in effect, read at each classification */
    public static ExternalDevices externalDevices(
            ExternalDeviceStore store, Supplier<HeartbeatThresholds> thresholds, Clock clock) {
        return new ExternalDeviceService(store, thresholds, clock);
    }

    public static SystemLogs systemLogs(LogBook logBook, AuditTrail auditTrail) {
        return new SystemLogsService(logBook, auditTrail);
    }

    /** @param databaseUp answers whether the storage can be reached now */
    public static QuerySystem querySystem(
            GatewayIdentity identity,
            HostSystem host,
            ControllerDiscovery discovery,
            BooleanSupplier databaseUp,
            ControllerRuntime runtime,
            QueryLockers lockers,
            ManageSettings settings,
            Clock clock) {
        return new SystemService(identity, host, discovery, databaseUp, runtime, lockers, settings, clock);
    }

    /**
     * @param shutdown the gateway's orderly close, run before the host reboots
     * @param delay    the pause before {@code shutdown}, long enough for the HTTP answer to leave
     */
    public static RebootGateway rebootGateway(HostSystem host, Auditor auditor, Runnable shutdown, Duration delay) {
        return new RebootService(host, auditor, shutdown, delay);
    }

    /** Copies of the database through {@code backups}, each one audited. */
    public static BackUpDatabase backUpDatabase(DatabaseBackups backups, Auditor auditor, Clock clock) {
        return new BackupService(backups, auditor, clock);
    }
}
