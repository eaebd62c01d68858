package dev.harbor.domain.device;

import static dev.harbor.domain.device.DeviceState.ALLOCATED;
import static dev.harbor.domain.device.DeviceState.BOOKED;
import static dev.harbor.domain.device.DeviceState.LOCKED;
import static dev.harbor.domain.device.DeviceState.LOCKING;
import static dev.harbor.domain.device.DeviceState.UNLOCKED;
import static dev.harbor.domain.device.DeviceState.UNLOCKING;

import java.time.Duration;
import java.time.Instant;

/**
 * A deliberately plain, mutable re-statement of {@code spec/state-machine.md} and DECISIONS.md,
 * written without the production table: the oracle the property tests compare against.
 */
final class ReferenceDeviceModel {

    enum Outcome {
        MOVED,
        IGNORED,
        REFUSED
    }

    // The spec's defaults, restated rather than read from DeviceTimeouts.
    private static final Duration ALLOCATION = Duration.ofSeconds(10);
    private static final Duration BOOKING = Duration.ofHours(1);
    private static final Duration LOCKING_WINDOW = Duration.ofSeconds(60);
    private static final Duration UNLOCKING_WINDOW = Duration.ofSeconds(30);

    DeviceState state = UNLOCKED;
    Instant changedAt;
    Instant deadline;
    String holder;
    boolean anomaly;
    /** ALLOCATED: what the acknowledgement leads to. */
    private DeviceState afterAck;
    /** ALLOCATED or LOCKING: a booking waits behind this attempt. */
    private boolean bookingBehind;
    /** Expiry of the booking that is not the current state (null = none or never). */
    private Instant bookingExpiry;

    ReferenceDeviceModel(Instant start) {
        changedAt = start;
    }

    Outcome step(DeviceInput input, Instant now) {
        anomaly = false;
        if (input instanceof DeviceInput.Command command) {
            return command(command, now);
        }
        if (input instanceof DeviceInput.Hardware hardware) {
            return event(hardware.event(), now);
        }
        return timeout(now);
    }

    private Outcome command(DeviceInput.Command command, Instant now) {
        String who = command.holder();
        switch (command.command()) {
            case FORCE_UNLOCK:
                if (state == UNLOCKED) {
                    return Outcome.IGNORED;
                }
                return free(now);
            case FORCE_LOCK:
                if (state == LOCKED) {
                    return Outcome.IGNORED;
                }
                return enter(LOCKED, now, null);
            case FORCE_CANCEL_BOOKING:
                return state == BOOKED || state == ALLOCATED ? free(now) : Outcome.REFUSED;
            case BOOK:
                if (state != UNLOCKED) {
                    return Outcome.REFUSED;
                }
                Instant expiry;
                if (command.expiry() instanceof BookingExpiry.At at) {
                    if (!at.expiresAt().isAfter(now)) {
                        return Outcome.REFUSED;
                    }
                    expiry = at.expiresAt();
                } else {
                    expiry = command.expiry() instanceof BookingExpiry.Never ? null : now.plus(BOOKING);
                }
                holder = who;
                afterAck = BOOKED;
                bookingBehind = false;
                bookingExpiry = expiry;
                return enter(ALLOCATED, now, now.plus(ALLOCATION));
            case LOCK:
                if (state == UNLOCKED) {
                    holder = who;
                    bookingBehind = false;
                    bookingExpiry = null;
                } else if (state == BOOKED && mayAct(who)) {
                    bookingBehind = true;
                    bookingExpiry = deadline;
                } else {
                    return Outcome.REFUSED;
                }
                afterAck = LOCKING;
                return enter(ALLOCATED, now, now.plus(ALLOCATION));
            case CANCEL_BOOKING:
                return state == BOOKED && mayAct(who) ? free(now) : Outcome.REFUSED;
            case UNLOCK:
                return state == LOCKED && mayAct(who)
                        ? enter(UNLOCKING, now, now.plus(UNLOCKING_WINDOW))
                        : Outcome.REFUSED;
            default:
                throw new AssertionError("the reference model does not know " + command.command());
        }
    }

    private Outcome event(HardwareEvent event, Instant now) {
        switch (event) {
            case ACKNOWLEDGED:
                if (state != ALLOCATED) {
                    return Outcome.IGNORED;
                }
                if (afterAck == BOOKED) {
                    return enter(BOOKED, now, bookingExpiry);
                }
                return enter(LOCKING, now, now.plus(LOCKING_WINDOW));
            case SECURED:
            case DOOR_CLOSED:
                return state == LOCKING ? enter(LOCKED, now, null) : Outcome.IGNORED;
            case RELEASED:
                return state == UNLOCKING ? free(now) : Outcome.IGNORED;
            case DOOR_OPENED:
                if (state == UNLOCKING) {
                    return free(now);
                }
                if (state == BOOKED) {
                    bookingBehind = true;
                    bookingExpiry = deadline;
                    return enter(LOCKING, now, now.plus(LOCKING_WINDOW));
                }
                return Outcome.IGNORED;
            case FAULT:
                return Outcome.IGNORED;
            default:
                throw new AssertionError("the reference model does not know " + event);
        }
    }

    private Outcome timeout(Instant now) {
        if (deadline == null || now.isBefore(deadline)) {
            return Outcome.IGNORED;
        }
        switch (state) {
            case ALLOCATED:
            case LOCKING:
                anomaly = state == LOCKING;
                return bookingBehind ? enter(BOOKED, now, bookingExpiry) : free(now);
            case BOOKED:
                return free(now);
            case UNLOCKING:
                anomaly = true;
                return enter(LOCKED, now, null);
            default:
                throw new AssertionError(state + " cannot have a deadline");
        }
    }

    private boolean mayAct(String who) {
        return who == null || who.equals(holder);
    }

    private Outcome free(Instant now) {
        holder = null;
        return enter(UNLOCKED, now, null);
    }

    private Outcome enter(DeviceState next, Instant now, Instant nextDeadline) {
        if (next != ALLOCATED && next != LOCKING) {
            bookingBehind = false;
            bookingExpiry = null;
        }
        state = next;
        changedAt = now;
        deadline = nextDeadline;
        return Outcome.MOVED;
    }
}
