package dev.harbor.application.remote;

import dev.harbor.application.port.CommandOutcomeUnknownException;
import dev.harbor.application.port.LockerStore;
import dev.harbor.application.port.RemoteCommandLog;
import dev.harbor.application.port.RemoteCommandLog.Entry;
import dev.harbor.application.port.RemoteCommandLog.Purpose;
import dev.harbor.application.port.RemoteDevices;
import dev.harbor.application.port.RemoteSiteException;
import dev.harbor.application.port.TransactionStore;
import dev.harbor.domain.command.CommandRecord;
import dev.harbor.domain.command.CommandState;
import dev.harbor.domain.device.DeviceCommand;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.device.RemoteActionCommands;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.transaction.Transaction;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a command's final state means for what it was sent for, in one place, whether the caller
 * who sent it is still waiting or the gateway restarted since:
 *
 * <ul>
 *   <li>{@code book} for a new transaction: {@code SUCCESS} keeps the transaction while its caller
 *       waits for it, else the booking is cancelled (nobody was told of it); {@code ERROR} undoes the
 *       assignment.
 *   <li>{@code lock} / {@code unlock} for an open: the locker remembers that Harbor secured the item
 *       ({@code LOCKED}) or released it ({@code BOOKED} again), so that a pick-up only ever unlocks
 *       a device Harbor locked.
 *   <li>a release's command: {@code SUCCESS} ends the transaction; {@code ERROR} keeps it.
 * </ul>
 */
final class CommandOutcomes {

    private static final Logger log = LoggerFactory.getLogger(CommandOutcomes.class);

    private final RemoteCommandLog commandLog;
    private final TransactionStore transactions;
    private final LockerStore lockers;
    private final DeviceMirror mirror;
    private final RemoteDevices devices;
    private final RemoteActionCommands actions;
    private final Clock clock;

    CommandOutcomes(
            RemoteCommandLog commandLog,
            TransactionStore transactions,
            LockerStore lockers,
            DeviceMirror mirror,
            RemoteDevices devices,
            RemoteActionCommands actions,
            Clock clock) {
        this.commandLog = commandLog;
        this.transactions = transactions;
        this.lockers = lockers;
        this.mirror = mirror;
        this.devices = devices;
        this.actions = actions;
        this.clock = clock;
    }

    /**
     * Acts on a command that reached {@code SUCCESS} or {@code ERROR} while its caller waits for it,
     * and finishes its entry.
     */
    void settle(Entry entry, CommandRecord record) {
        settle(entry, record, true);
    }

    /**
     * As {@link #settle}, for a command nobody waits on any more: its caller gave up, or the gateway
     * restarted since. A booking that lands now was never confirmed to anyone (a create answers 201
     * only after its entry is finished), so it is cancelled and the transaction undone: a client
     * that retries the create gets a fresh one, and one that does not leaves nothing behind.
     */
    void settleLeftOver(Entry entry, CommandRecord record) {
        settle(entry, record, false);
    }

    private void settle(Entry entry, CommandRecord record, boolean callerWaits) {
        if (!record.state().isFinal()) {
            throw new IllegalArgumentException("only a final command settles, got " + record.state());
        }
        boolean success = record.state() == CommandState.SUCCESS;
        switch (entry.purpose()) {
            case CREATE -> {
                boolean kept = success && callerWaits && holdsLocker(entry);
                if (success && !kept && !cancelBooking(entry)) {
                    // The cancel did not go out: the entry stays unfinished and is settled again.
                    return;
                }
                if (!kept) {
                    undoAssignment(entry);
                }
            }
            case OPEN -> {
                if (success && entry.command() == DeviceCommand.LOCK) {
                    remember(entry, DeviceState.LOCKED);
                } else if (success && entry.command() == DeviceCommand.UNLOCK) {
                    remember(entry, DeviceState.BOOKED);
                }
            }
            case RELEASE -> {
                if (success) {
                    endTransaction(entry);
                }
            }
            case MAINTENANCE_OPEN -> {
                if (success) {
                    remember(entry, DeviceState.BOOKED);
                }
            }
            case UNDO -> {
                if (!success) {
                    log.warn(
                            "Undoing with {} on device {} failed: {}; free the device in Bikeep",
                            entry.command().wireName(),
                            entry.deviceId(),
                            record.reason());
                }
            }
        }
        finish(entry, record.state(), record.reason());
        reread(entry);
    }

    /**
     * Whether Harbor's own {@code lock} for this transaction has succeeded, settling it now if the
     * command round has not yet: a pick-up asked for right after the bike was secured must not wait
     * for that round (or be refused meanwhile).
     */
    boolean settledOwnLock(LockerId lockerId, TransactionId transactionId) {
        for (Entry entry : commandLog.unfinished()) {
            boolean ownLock = entry.lockerId().equals(lockerId)
                    && transactionId.equals(entry.transactionId())
                    && entry.purpose() == Purpose.OPEN
                    && entry.command() == DeviceCommand.LOCK
                    && entry.commandId() != null;
            if (!ownLock) {
                continue;
            }
            try {
                CommandRecord record = devices.command(entry.commandId());
                if (record.state() == CommandState.SUCCESS) {
                    settle(entry, record);
                    return true;
                }
            } catch (RemoteSiteException e) {
                return false;
            }
        }
        return false;
    }

    /** The spec asks for a re-read of the device after each command: the listing shows its new state at once. */
    private void reread(Entry entry) {
        try {
            mirror.read(entry.lockerId(), devices.device(entry.deviceId()));
        } catch (RemoteSiteException e) {
            // The next sync reads it.
        }
    }

    /**
     * The command's outcome is unknown for good (its answer was lost and the device was read
     * instead): {@code deviceState} is what the device shows now, {@code null} when unknown.
     */
    void settleUnknown(Entry entry, DeviceState deviceState) {
        switch (entry.purpose()) {
            case CREATE -> {
                // Nobody was told of this transaction: undo it, and a booking it may have made.
                if (deviceState == DeviceState.BOOKED && !cancelBooking(entry)) {
                    return;
                }
                undoAssignment(entry);
            }
            case RELEASE -> {
                if (deviceState == DeviceState.UNLOCKED) {
                    endTransaction(entry);
                }
            }
            default -> {
                // An open or an undo that may or may not have happened changes nothing Harbor holds.
            }
        }
        finish(entry, entry.state(), "outcome unknown; the device showed " + deviceState);
    }

    void finish(Entry entry, CommandState state, String reason) {
        if (commandLog.finish(entry.id(), state, reason, clock.instant())) {
            mirror.commandEnded(entry.lockerId(), entry.id());
        }
    }

    /**
     * Cancels a booking that landed for a transaction nobody was told of, written to the log first.
     *
     * @return {@code false} when the cancel could not be sent now: the caller asks again later
     */
    private boolean cancelBooking(Entry create) {
        log.warn(
                "Device {} was booked for transaction {}, which nobody was told of: cancelling the booking",
                create.deviceId(),
                create.transactionId());
        return sendUndo(create.lockerId(), create.deviceId(), DeviceCommand.CANCEL_BOOKING);
    }

    /**
     * Frees a device whose transaction Harbor ended without it (its controller was removed with
     * force): the command its state needs, written to the log like any other.
     *
     * @return {@code false} when the device could not be read or the command not sent
     */
    boolean free(LockerId lockerId, String deviceId) {
        try {
            DeviceState state = devices.device(deviceId).state();
            Optional<DeviceCommand> command = state == null ? Optional.empty() : actions.toRelease(state);
            if (command.isEmpty()) {
                return state != null;
            }
            log.warn("Freeing Bikeep device {} ({}): its transaction ended without it", deviceId, state);
            return sendUndo(lockerId, deviceId, command.get());
        } catch (RemoteSiteException e) {
            log.error("Bikeep device {} could not be freed ({}); free it in Bikeep", deviceId, e.getMessage());
            return false;
        }
    }

    /** Sends a command that undoes something of Harbor's, written to the log first. */
    private boolean sendUndo(LockerId lockerId, String deviceId, DeviceCommand command) {
        Entry undo = commandLog.begin(
                new RemoteCommandLog.NewEntry(null, lockerId, deviceId, command, Purpose.UNDO, clock.instant()));
        mirror.commandStarted(undo.lockerId(), undo.id());
        try {
            commandLog.sent(undo.id(), devices.send(deviceId, command, null).id());
            return true;
        } catch (CommandOutcomeUnknownException e) {
            return true; // the log holds it: a later round reads the device
        } catch (RemoteSiteException e) {
            log.warn("{} for device {} failed ({}); trying again", command.wireName(), deviceId, e.getMessage());
            finish(undo, CommandState.NOT_SENT, e.getMessage());
            return false;
        }
    }

    private boolean holdsLocker(Entry entry) {
        return entry.transactionId() != null
                && transactions
                        .find(entry.transactionId())
                        .filter(Transaction::isActive)
                        .map(t -> t.lockerId().equals(entry.lockerId()))
                        .orElse(false);
    }

    private void undoAssignment(Entry entry) {
        if (holdsLocker(entry)) {
            transactions.undo(entry.transactionId(), DeviceStatus.initial(clock.instant()));
        }
    }

    private void endTransaction(Entry entry) {
        if (holdsLocker(entry)) {
            Instant now = clock.instant();
            transactions.release(entry.transactionId(), DeviceStatus.initial(now), now);
        }
    }

    /** The locker, still held by the entry's transaction, now rests in {@code state}. */
    private void remember(Entry entry, DeviceState state) {
        Optional<Locker> locker = lockers.find(entry.lockerId());
        if (locker.isEmpty() || !locker.get().device().isHeld()) {
            return;
        }
        DeviceStatus current = locker.get().device();
        if (entry.transactionId() != null && !entry.transactionId().value().equals(current.holder())) {
            return;
        }
        if (current.state() == state) {
            return;
        }
        DeviceStatus next = new DeviceStatus(state, clock.instant(), null, current.holder(), null, null, null);
        lockers.compareAndSetDevice(entry.lockerId(), current, next);
    }
}
