package dev.harbor.domain.device;

import static dev.harbor.domain.device.DeviceState.ALLOCATED;
import static dev.harbor.domain.device.DeviceState.BOOKED;
import static dev.harbor.domain.device.DeviceState.LOCKING;
import static dev.harbor.domain.device.DeviceState.UNLOCKED;
import static dev.harbor.domain.device.DeviceState.UNLOCKING;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The complete persistent state of one device. Every component is a plain value so a store can
 * save and rebuild it exactly; the compact constructor refuses inconsistent combinations, so a
 * corrupt row fails loudly when it is loaded.
 *
 * @param state            the current state
 * @param changedAt        when the device entered {@code state}
 * @param timeoutAt        the deadline of the current state: always set in {@code ALLOCATED},
 *                         {@code LOCKING} and {@code UNLOCKING}, the booking expiry in {@code BOOKED}
 *                         ({@code null} = never expires), {@code null} in {@code UNLOCKED}/{@code LOCKED}
 * @param holder           the transaction or session id holding the device; {@code null} in
 *                         {@code UNLOCKED}, and elsewhere when the device was taken for nobody in particular
 * @param pendingState     in {@code ALLOCATED} only: what the acknowledgement leads to
 *                         ({@code BOOKED} or {@code LOCKING})
 * @param returnState      in {@code ALLOCATED} and {@code LOCKING} only: the state before, where a
 *                         timeout returns ({@code UNLOCKED} or {@code BOOKED})
 * @param bookingExpiresAt the expiry of a booking that is not the current state: the new booking
 *                         while {@code ALLOCATED} for {@code book}, or the booking to return to from
 *                         {@code ALLOCATED}/{@code LOCKING}; {@code null} = never expires or no booking
 */
public record DeviceStatus(
        DeviceState state,
        Instant changedAt,
        Instant timeoutAt,
        String holder,
        DeviceState pendingState,
        DeviceState returnState,
        Instant bookingExpiresAt) {

    private static final Set<DeviceState> WITH_DEADLINE = Set.of(ALLOCATED, LOCKING, UNLOCKING);

    public DeviceStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changedAt, "changedAt");
        if (holder != null && holder.isBlank()) {
            throw inconsistent("a holder must not be blank");
        }
        if (state == UNLOCKED && holder != null) {
            throw inconsistent("UNLOCKED has no holder, got " + holder);
        }
        if (WITH_DEADLINE.contains(state) && timeoutAt == null) {
            throw inconsistent(state + " needs a timeoutAt");
        }
        if ((state == UNLOCKED || state == DeviceState.LOCKED) && timeoutAt != null) {
            throw inconsistent(state + " has no timeoutAt, got " + timeoutAt);
        }
        requirePending(state, pendingState, returnState);
        requireReturn(state, returnState);
        if (bookingExpiresAt != null && !carriesBooking(state, pendingState, returnState)) {
            throw inconsistent(state + " carries no booking, got bookingExpiresAt " + bookingExpiresAt);
        }
    }

    /** A free device, as a new device starts. */
    public static DeviceStatus initial(Instant now) {
        return new DeviceStatus(UNLOCKED, now, null, null, null, null, null);
    }

    /** A transaction or session holds this device. */
    public boolean isHeld() {
        return holder != null;
    }

    /** The deadline exists and has been reached: a {@code Timeout} now moves the device. */
    public boolean isDue(Instant now) {
        return timeoutAt != null && !now.isBefore(timeoutAt);
    }

    private static void requirePending(DeviceState state, DeviceState pending, DeviceState returnTo) {
        if (state != ALLOCATED) {
            if (pending != null) {
                throw inconsistent("only ALLOCATED has a pendingState, " + state + " got " + pending);
            }
            return;
        }
        if (pending != BOOKED && pending != LOCKING) {
            throw inconsistent("ALLOCATED needs pendingState BOOKED or LOCKING, got " + pending);
        }
        if (pending == BOOKED && returnTo != UNLOCKED) {
            throw inconsistent("book is taken only from UNLOCKED, got returnState " + returnTo);
        }
    }

    private static void requireReturn(DeviceState state, DeviceState returnTo) {
        boolean needsReturn = state == ALLOCATED || state == LOCKING;
        if (needsReturn && returnTo != UNLOCKED && returnTo != BOOKED) {
            throw inconsistent(state + " needs returnState UNLOCKED or BOOKED, got " + returnTo);
        }
        if (!needsReturn && returnTo != null) {
            throw inconsistent(state + " has no returnState, got " + returnTo);
        }
    }

    private static boolean carriesBooking(DeviceState state, DeviceState pending, DeviceState returnTo) {
        return (state == ALLOCATED && (pending == BOOKED || returnTo == BOOKED))
                || (state == LOCKING && returnTo == BOOKED);
    }

    private static IllegalArgumentException inconsistent(String message) {
        return new IllegalArgumentException("inconsistent device status: " + message);
    }
}
