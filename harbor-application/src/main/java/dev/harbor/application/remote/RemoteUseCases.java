package dev.harbor.application.remote;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.controller.RemoteLocations;
import dev.harbor.application.locker.CurrentDoorOpenSettings;
import dev.harbor.application.locker.RemoteDoors;
import dev.harbor.application.locker.RemoteReadings;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.application.port.RemoteDeviceRefresh;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.application.transaction.RemoteBookings;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.RemoteActionCommands;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Harbor's side of a remote site's devices (Bikeep), built over the driven ports: the readings the
 * listing shows, the flows the transaction and locker use cases hand external lockers to, the
 * location registration and sync, and the two periodic jobs the host runs.
 *
 * @param syncDue reads every location whose turn has come (run it every second or so)
 * @param finishPending settles the commands nobody waits on and answers webhook re-reads (run it
 *     every command-poll period)
 */
public record RemoteUseCases(
        RemoteReadings readings,
        RemoteBookings bookings,
        RemoteDoors doors,
        RemoteLocations locations,
        RemoteDeviceRefresh refresh,
        Function<String, Optional<ControllerId>> controllerOfLocation,
        Runnable syncDue,
        Runnable finishPending) {

    public static RemoteUseCases over(
            RemoteDevices devices,
            RemoteCommandLog commandLog,
            ControllerStore controllers,
            LockerStore lockers,
            TransactionStore transactions,
            LayoutStore layout,
            ControllerRuntime runtime,
            CurrentDoorOpenSettings doorOpen,
            DeviceStateMachine machine,
            Auditor auditor,
            RemoteSiteSettings settings,
            Clock clock) {
        DeviceMirror mirror = new DeviceMirror();
        CommandRunner runner = new CommandRunner(devices, commandLog, mirror, settings.commandPoll(), clock);
        CommandOutcomes outcomes = new CommandOutcomes(
                commandLog, transactions, lockers, mirror, devices, new RemoteActionCommands(machine), clock);
        RemoteDeviceSync sync = new RemoteDeviceSync(
                controllers, lockers, layout, devices, mirror, outcomes, runtime, auditor, settings, clock);
        RemoteCommandFinisher finisher =
                new RemoteCommandFinisher(commandLog, devices, mirror, runner, outcomes, clock);
        return new RemoteUseCases(
                mirror,
                new RemoteBookingFlow(
                        transactions, devices, mirror, runner, outcomes, machine, settings, auditor, clock),
                new RemoteDoorFlow(devices, mirror, runner, outcomes, machine, doorOpen, auditor, clock),
                sync,
                sync,
                sync::controllerOf,
                sync::syncDue,
                () -> {
                    sync.refreshRequested();
                    finisher.finishPending();
                });
    }

    /** No remote site configured: external lockers are unreachable, nothing runs. */
    public static RemoteUseCases off() {
        return new RemoteUseCases(
                RemoteReadings.NONE,
                RemoteBookings.NONE,
                RemoteDoors.NONE,
                RemoteLocations.OFF,
                RemoteDeviceRefresh.NONE,
                locationId -> Optional.empty(),
                () -> {},
                () -> {});
    }
}
