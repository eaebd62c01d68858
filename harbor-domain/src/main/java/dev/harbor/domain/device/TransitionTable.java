package dev.harbor.domain.device;

import static dev.harbor.domain.device.DeviceCommand.BOOK;
import static dev.harbor.domain.device.DeviceCommand.CANCEL_BOOKING;
import static dev.harbor.domain.device.DeviceCommand.FORCE_CANCEL_BOOKING;
import static dev.harbor.domain.device.DeviceCommand.FORCE_LOCK;
import static dev.harbor.domain.device.DeviceCommand.FORCE_UNLOCK;
import static dev.harbor.domain.device.DeviceCommand.LOCK;
import static dev.harbor.domain.device.DeviceCommand.UNLOCK;
import static dev.harbor.domain.device.DeviceState.ALLOCATED;
import static dev.harbor.domain.device.DeviceState.BOOKED;
import static dev.harbor.domain.device.DeviceState.LOCKED;
import static dev.harbor.domain.device.DeviceState.LOCKING;
import static dev.harbor.domain.device.DeviceState.UNLOCKED;
import static dev.harbor.domain.device.DeviceState.UNLOCKING;
import static dev.harbor.domain.device.HardwareEvent.ACKNOWLEDGED;
import static dev.harbor.domain.device.HardwareEvent.DOOR_CLOSED;
import static dev.harbor.domain.device.HardwareEvent.DOOR_OPENED;
import static dev.harbor.domain.device.HardwareEvent.RELEASED;
import static dev.harbor.domain.device.HardwareEvent.SECURED;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The spec's transition table as data, built in {@link #standard}. A pair that is not listed is
 * refused (commands) or ignored (hardware events, timeouts), so forgetting a row can never invent
 * a move.
 */
final class TransitionTable {

    /** What a listed (state, input) pair does. */
    @FunctionalInterface
    interface Effect {
        Transition apply(DeviceStatus current, DeviceInput input, Instant now);
    }

    private final Map<DeviceState, Map<DeviceCommand, Effect>> commands = new EnumMap<>(DeviceState.class);
    private final Map<DeviceState, Map<HardwareEvent, Effect>> events = new EnumMap<>(DeviceState.class);
    private final Map<DeviceState, Effect> timeouts = new EnumMap<>(DeviceState.class);

    private TransitionTable() {}

    static TransitionTable standard(DeviceTimeouts timeouts) {
        var table = new TransitionTable();
        var to = new Moves(timeouts);

        // Commands allowed by the spec; every other (state, command) pair is refused.
        //            from       command               effect
        table.command(UNLOCKED, BOOK, to.allocated(BOOKED));
        table.command(UNLOCKED, LOCK, to.allocated(LOCKING));
        table.command(BOOKED, LOCK, to.allocated(LOCKING));
        table.command(BOOKED, CANCEL_BOOKING, to.unlocked());
        table.command(LOCKED, UNLOCK, to.unlocking());
        table.command(BOOKED, FORCE_CANCEL_BOOKING, to.unlocked());
        table.command(ALLOCATED, FORCE_CANCEL_BOOKING, to.unlocked());
        for (DeviceState state : DeviceState.values()) {
            table.command(state, FORCE_LOCK, state == LOCKED ? ignored("already LOCKED") : to.forcedLocked());
            table.command(state, FORCE_UNLOCK, state == UNLOCKED ? ignored("already UNLOCKED") : to.unlocked());
        }

        // Hardware events that move the device; every other (state, event) pair is ignored.
        //          in         event         effect
        table.event(ALLOCATED, ACKNOWLEDGED, to.pendingState());
        table.event(BOOKED, DOOR_OPENED, to.lockingFromBooking());
        table.event(LOCKING, SECURED, to.locked());
        table.event(LOCKING, DOOR_CLOSED, to.locked());
        table.event(UNLOCKING, RELEASED, to.unlocked());
        table.event(UNLOCKING, DOOR_OPENED, to.unlocked());
        table.event(LOCKED, DOOR_OPENED, ignored("parcel pickup: the transaction ends only when it is released"));
        table.event(LOCKED, DOOR_CLOSED, ignored("parcel pickup: the transaction ends only when it is released"));

        // Deadlines; UNLOCKED and LOCKED have none.
        table.timeout(ALLOCATED, to.stateBefore(null));
        table.timeout(BOOKED, to.unlocked());
        table.timeout(LOCKING, to.stateBefore("the item was not secured before the deadline"));
        table.timeout(UNLOCKING, to.relocked("the release was not confirmed before the deadline; item still secured"));
        return table;
    }

    Optional<Effect> forCommand(DeviceState state, DeviceCommand command) {
        return Optional.ofNullable(commands.getOrDefault(state, Map.of()).get(command));
    }

    Optional<Effect> forEvent(DeviceState state, HardwareEvent event) {
        return Optional.ofNullable(events.getOrDefault(state, Map.of()).get(event));
    }

    Optional<Effect> forTimeout(DeviceState state) {
        return Optional.ofNullable(timeouts.get(state));
    }

    private void command(DeviceState state, DeviceCommand command, Effect effect) {
        add(commands.computeIfAbsent(state, s -> new EnumMap<>(DeviceCommand.class)), command, effect, state);
    }

    private void event(DeviceState state, HardwareEvent event, Effect effect) {
        add(events.computeIfAbsent(state, s -> new EnumMap<>(HardwareEvent.class)), event, effect, state);
    }

    private void timeout(DeviceState state, Effect effect) {
        if (timeouts.put(state, effect) != null) {
            throw new IllegalStateException("two timeout rows for " + state);
        }
    }

    private static <K> void add(Map<K, Effect> row, K input, Effect effect, DeviceState state) {
        if (row.put(input, effect) != null) {
            throw new IllegalStateException("two rows for " + state + " + " + input);
        }
    }

    private static Effect ignored(String reason) {
        return (current, input, now) -> new Transition.Ignored(current, input, reason);
    }
}
