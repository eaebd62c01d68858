package dev.harbor.application.remote;

import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.application.port.RemoteCommandLog.Purpose;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteDevices.RemoteDevice;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.application.port.TransactionStore.Assignment;
import dev.harbor.application.remote.CommandRunner.Run;
import dev.harbor.application.transaction.HarborBooking;
import dev.harbor.application.transaction.ReleaseTransaction.Outcome;
import dev.harbor.application.transaction.RemoteBookings;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.device.RemoteActionCommands;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A transaction on a remote device (spec/bikeep.md's flow table): create assigns a locker in the
 * database, then books its device and answers only once the booking succeeded, moving on to the
 * next free device (at most {@value #MAX_DEVICES}) when one fails; release frees the device with
 * the command its state needs and ends the transaction only once that succeeded.
 */
final class RemoteBookingFlow implements RemoteBookings {

    static final int MAX_DEVICES = 3;

    private final TransactionStore transactions;
    private final RemoteDevices devices;
    private final DeviceMirror mirror;
    private final CommandRunner runner;
    private final CommandOutcomes outcomes;
    private final RemoteActionCommands actions;
    private final DeviceStateMachine machine;
    private final RemoteSiteSettings settings;
    private final Auditor auditor;
    private final Clock clock;

    RemoteBookingFlow(
            TransactionStore transactions,
            RemoteDevices devices,
            DeviceMirror mirror,
            CommandRunner runner,
            CommandOutcomes outcomes,
            DeviceStateMachine machine,
            RemoteSiteSettings settings,
            Auditor auditor,
            Clock clock) {
        this.transactions = transactions;
        this.devices = devices;
        this.mirror = mirror;
        this.runner = runner;
        this.outcomes = outcomes;
        this.actions = new RemoteActionCommands(machine);
        this.machine = machine;
        this.settings = settings;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public Booking book(TransactionId id, List<Locker> candidates) {
        int tried = 0;
        String failure = null;
        for (Locker locker : candidates) {
            if (tried == MAX_DEVICES) {
                break;
            }
            Instant now = clock.instant();
            Assignment assignment =
                    transactions.assign(id, List.of(locker.id()), HarborBooking.bookedFor(machine, id, now), now);
            if (assignment instanceof Assignment.AlreadyExists already) {
                return new Booking.AlreadyExists(already.existing());
            }
            if (!(assignment instanceof Assignment.Assigned assigned)) {
                continue; // taken meanwhile: not a failed device
            }
            tried++;
            String deviceId = locker.external().deviceId();
            Run run;
            try {
                run = runner.run(
                        new RemoteCommandLog.NewEntry(
                                id, locker.id(), deviceId, DeviceCommand.BOOK, Purpose.CREATE, now),
                        now.plus(settings.bookingTtl()),
                        record -> false,
                        settings.commandTimeout());
            } catch (RuntimeException e) {
                // The command log or the cloud failed in a way nobody planned for: the assignment
                // must not stay behind, holding a locker for a transaction nobody was told of.
                transactions.undo(id, DeviceStatus.initial(clock.instant()));
                throw e;
            }
            try {
                if (run instanceof Run.Answered answered) {
                    outcomes.settle(answered.entry(), answered.record());
                    if (answered.record().state() == CommandState.SUCCESS && stillHolds(id, locker)) {
                        return new Booking.Booked(assigned.transaction());
                    }
                    failure = "device " + describe(locker) + " refused the booking: "
                            + answered.record().reason();
                } else if (run instanceof Run.NotSent notSent) {
                    transactions.undo(id, DeviceStatus.initial(clock.instant()));
                    failure =
                            "Bikeep could not be reached: " + notSent.problem().getMessage();
                } else {
                    // Maybe booked, maybe not: nobody is told of this transaction; the finisher cancels a
                    // booking that lands later, and the device stays out of the choice until then.
                    transactions.undo(id, DeviceStatus.initial(clock.instant()));
                    failure =
                            "device " + describe(locker) + " did not confirm the booking: " + ((Run.Pending) run).why();
                }
            } finally {
                runner.letGo(run);
            }
        }
        if (tried == 0) {
            return new Booking.NoneFree();
        }
        return new Booking.Failed("No Bikeep device could be booked (" + tried + " tried); last: " + failure);
    }

    @Override
    public Outcome release(Transaction transaction, Locker locker, Actor actor) {
        String deviceId = locker.external().deviceId();
        RemoteDevice device;
        try {
            device = devices.device(deviceId);
        } catch (RemoteSiteException e) {
            return new Outcome.ControllerUnavailable(
                    "Bikeep could not be reached: " + e.getMessage(), null, RemoteProblem.of(e));
        }
        mirror.read(locker.id(), device);
        if (device.state() == null) {
            return new Outcome.ControllerUnavailable(
                    "device " + describe(locker) + " reports no state Harbor can act on", null, null);
        }
        Optional<DeviceCommand> command = actions.toRelease(device.state());
        Instant now = clock.instant();
        if (command.isEmpty()) {
            transactions.release(transaction.id(), DeviceStatus.initial(now), now);
            return new Outcome.Released();
        }
        Run run = runner.run(
                new RemoteCommandLog.NewEntry(
                        transaction.id(), locker.id(), deviceId, command.get(), Purpose.RELEASE, now),
                null,
                record -> false,
                settings.commandTimeout());
        try {
            return released(transaction, locker, device, command.get(), run, actor);
        } finally {
            runner.letGo(run);
        }
    }

    private Outcome released(
            Transaction transaction, Locker locker, RemoteDevice device, DeviceCommand command, Run run, Actor actor) {
        if (command == DeviceCommand.FORCE_UNLOCK) {
            auditor.record(
                    actor,
                    "device.force-unlock",
                    "locker " + locker.id(),
                    outcomeOf(run),
                    "release of transaction " + transaction.id() + " with the device " + device.state());
        }
        if (run instanceof Run.Answered answered) {
            outcomes.settle(answered.entry(), answered.record());
            if (answered.record().state() == CommandState.SUCCESS) {
                return new Outcome.Released();
            }
            return new Outcome.ControllerUnavailable(
                    command.wireName() + " failed", answered.record().reason(), null);
        }
        if (run instanceof Run.NotSent notSent) {
            return new Outcome.ControllerUnavailable(
                    "Bikeep could not be reached: " + notSent.problem().getMessage(),
                    null,
                    RemoteProblem.of(notSent.problem()));
        }
        return new Outcome.ControllerUnavailable(
                command.wireName() + " was sent but not confirmed (" + ((Run.Pending) run).why()
                        + "); the transaction stays until the device is free",
                null,
                null);
    }

    /** Confirmed only what the database still holds: a 201 must never name a transaction that is gone. */
    private boolean stillHolds(TransactionId id, Locker locker) {
        return transactions
                .find(id)
                .filter(Transaction::isActive)
                .map(t -> t.lockerId().equals(locker.id()))
                .orElse(false);
    }

    private static String outcomeOf(Run run) {
        if (run instanceof Run.Answered answered) {
            return answered.record().state() == CommandState.SUCCESS ? "OK" : "ERROR";
        }
        return run instanceof Run.NotSent ? "NOT_SENT" : "PENDING";
    }

    static String describe(Locker locker) {
        String alias = locker.external().alias();
        return alias != null ? alias + " (locker " + locker.id() + ")" : "of locker " + locker.id();
    }
}
