package dev.harbor.application.port.contract;

import dev.harbor.application.port.AuditTrail;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.ExternalDeviceStore;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.application.port.SettingsStore;
import dev.harbor.application.port.TransactionStore;

/** One implementation of every driven storage port, all over the same (empty) data. */
public record Stores(
        LockerStore lockers,
        TransactionStore transactions,
        ControllerStore controllers,
        LayoutStore layout,
        SettingsStore settings,
        ExternalDeviceStore externalDevices,
        AuditTrail auditTrail,
        RemoteCommandLog remoteCommands) {}
