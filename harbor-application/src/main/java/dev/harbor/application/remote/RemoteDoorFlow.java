package dev.harbor.application.remote;

import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.locker.CurrentDoorOpenSettings;
import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.application.locker.OpenResult;
import dev.harbor.application.locker.OpenResult.RemoteFailure;
import dev.harbor.application.locker.RemoteDoors;
import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.application.port.RemoteCommandLog.Purpose;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteDevices.RemoteDevice;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.application.remote.CommandRunner.Run;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.RemoteActionCommands;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.Transaction;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Opening a remote device (spec/bikeep.md's flow table): drop-off sends {@code lock} and answers
 * once the device received it (the user now has the {@code LOCKING} time to secure the item);
 * pick-up sends {@code unlock} and answers on {@code SUCCESS}; a maintenance open sends
 * {@code force-unlock}. The door-open policy's attempts apply to delivery only; once the remote
 * site gave the command an id it is polled, never sent again.
 */
final class RemoteDoorFlow implements RemoteDoors {

    private final RemoteDevices devices;
    private final DeviceMirror mirror;
    private final CommandRunner runner;
    private final CommandOutcomes outcomes;
    private final RemoteActionCommands actions;
    private final CurrentDoorOpenSettings doorOpen;
    private final Auditor auditor;
    private final Clock clock;
    /** Lockers being opened now: a second open of the same device waits for none and sends nothing. */
    private final Set<LockerId> opening = ConcurrentHashMap.newKeySet();

    RemoteDoorFlow(
            RemoteDevices devices,
            DeviceMirror mirror,
            CommandRunner runner,
            CommandOutcomes outcomes,
            DeviceStateMachine machine,
            CurrentDoorOpenSettings doorOpen,
            Auditor auditor,
            Clock clock) {
        this.devices = devices;
        this.mirror = mirror;
        this.runner = runner;
        this.outcomes = outcomes;
        this.actions = new RemoteActionCommands(machine);
        this.doorOpen = doorOpen;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public OpenResult openForTransaction(Locker locker, Transaction transaction) {
        return oneAtATime(locker, () -> openFor(locker, transaction));
    }

    private OpenResult openFor(Locker locker, Transaction transaction) {
        Read read = read(locker);
        if (read.failure().isPresent()) {
            return read.failure().get();
        }
        DeviceState state = read.device().state();
        Optional<DeviceCommand> command = actions.toOpen(state);
        if (command.isEmpty()) {
            return new OpenResult.Busy(
                    locker.id(), "The device is " + state + ": a command is in flight; try again shortly");
        }
        // Only a device Harbor itself locked for this transaction is unlocked: a device someone
        // else locked upstream (an RFID tap after our booking ended) holds someone else's bike.
        if (command.get() == DeviceCommand.UNLOCK
                && locker.device().state() != DeviceState.LOCKED
                && !outcomes.settledOwnLock(locker.id(), transaction.id())) {
            return new OpenResult.Busy(locker.id(), "The device was locked without Harbor: someone else holds it now");
        }
        Predicate<CommandRecord> answered = command.get() == DeviceCommand.LOCK
                ? record -> record.state() == CommandState.RECEIVED || record.state() == CommandState.SUCCESS
                : record -> record.state() == CommandState.SUCCESS;
        return send(locker, command.get(), transaction, Purpose.OPEN, answered);
    }

    @Override
    public OpenResult maintenanceOpen(Locker locker, Actor actor) {
        return oneAtATime(locker, () -> forceUnlock(locker, actor));
    }

    /**
     * Runs an open unless another one of the same device is under way: Bikeep would refuse the
     * second command as busy, which the flow table can only answer as a fault.
     */
    private OpenResult oneAtATime(Locker locker, Supplier<OpenResult> open) {
        if (!opening.add(locker.id())) {
            return new OpenResult.Busy(locker.id(), "Another open of this device is under way; try again shortly");
        }
        try {
            return open.get();
        } finally {
            opening.remove(locker.id());
        }
    }

    private OpenResult forceUnlock(Locker locker, Actor actor) {
        Read read = read(locker);
        if (read.failure().isPresent()) {
            auditForceUnlock(locker, actor, read.failure().get());
            return read.failure().get();
        }
        DeviceState state = read.device().state() == null
                ? DeviceState.UNLOCKED
                : read.device().state();
        OpenResult result = send(
                locker,
                actions.toMaintenanceOpen(state),
                null,
                Purpose.MAINTENANCE_OPEN,
                record -> record.state() == CommandState.SUCCESS);
        auditForceUnlock(locker, actor, result);
        return result;
    }

    private OpenResult send(
            Locker locker,
            DeviceCommand command,
            Transaction transaction,
            Purpose purpose,
            Predicate<CommandRecord> answered) {
        DoorOpenSettings policy = doorOpen.doorOpenSettings();
        Run run = null;
        int attempts = 0;
        while (attempts < policy.maxAttempts()) {
            if (attempts > 0 && !pause(policy)) {
                break;
            }
            attempts++;
            runner.letGo(run);
            run = runner.run(
                    new RemoteCommandLog.NewEntry(
                            transaction == null ? null : transaction.id(),
                            locker.id(),
                            locker.external().deviceId(),
                            command,
                            purpose,
                            clock.instant()),
                    null,
                    answered,
                    policy.attemptTimeout());
            if (!(run instanceof Run.NotSent)) {
                break;
            }
        }
        try {
            return opened(locker, command, run, attempts);
        } finally {
            runner.letGo(run);
        }
    }

    private OpenResult opened(Locker locker, DeviceCommand command, Run run, int attempts) {
        if (run instanceof Run.Answered done) {
            CommandRecord record = done.record();
            if (record.state().isFinal()) {
                outcomes.settle(done.entry(), record);
            }
            if (record.state() != CommandState.ERROR) {
                return new OpenResult.Opened(locker.id(), null, attempts);
            }
            String message = command.wireName() + " failed: " + record.reason();
            RemoteFailure failure = new RemoteFailure(record.reason(), null);
            return isUnreachable(record.reason())
                    ? new OpenResult.ControllerUnavailable(locker.id(), message, attempts, failure)
                    : new OpenResult.HardwareFault(locker.id(), message, attempts, failure);
        }
        if (run instanceof Run.NotSent notSent) {
            return new OpenResult.ControllerUnavailable(
                    locker.id(),
                    "Bikeep could not be reached: " + notSent.problem().getMessage(),
                    attempts,
                    new RemoteFailure(null, RemoteProblem.of(notSent.problem())));
        }
        return new OpenResult.ControllerUnavailable(
                locker.id(),
                command.wireName() + " made no progress: " + (run == null ? "not sent" : ((Run.Pending) run).why()),
                attempts,
                new RemoteFailure(null, null));
    }

    /** The device, read now, or why the open cannot go on. */
    private Read read(Locker locker) {
        RemoteDevice device;
        try {
            device = devices.device(locker.external().deviceId());
        } catch (RemoteSiteException e) {
            return Read.failed(new OpenResult.ControllerUnavailable(
                    locker.id(),
                    "Bikeep could not be reached: " + e.getMessage(),
                    0,
                    new RemoteFailure(null, RemoteProblem.of(e))));
        }
        mirror.read(locker.id(), device);
        if (!device.isOnline()) {
            return Read.failed(new OpenResult.ControllerUnavailable(
                    locker.id(),
                    "The device is offline (" + device.health() + ")",
                    0,
                    new RemoteFailure("device offline", null)));
        }
        if (device.state() == null) {
            return Read.failed(new OpenResult.ControllerUnavailable(
                    locker.id(), "The device reports no state Harbor can act on", 0, new RemoteFailure(null, null)));
        }
        return new Read(device, Optional.empty());
    }

    private record Read(RemoteDevice device, Optional<OpenResult> failure) {
        static Read failed(OpenResult failure) {
            return new Read(null, Optional.of(failure));
        }
    }

    /**
     * Bikeep's reasons are free text; "offline" and "timeout" mean the device could not be reached
     * (503), anything else is a fault of the device (500), as the flow table says.
     */
    static boolean isUnreachable(String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return text.contains("offline") || text.contains("timeout") || text.contains("timed out");
    }

    private void auditForceUnlock(Locker locker, Actor actor, OpenResult result) {
        auditor.record(
                actor,
                "device.force-unlock",
                "locker " + locker.id(),
                result instanceof OpenResult.Opened ? "OK" : "FAILED",
                "maintenance open of Bikeep device " + locker.external().deviceId());
    }

    private static boolean pause(DoorOpenSettings policy) {
        try {
            Thread.sleep(policy.delay().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
