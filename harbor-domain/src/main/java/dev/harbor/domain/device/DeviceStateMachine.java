package dev.harbor.domain.device;

import dev.harbor.domain.device.Transition.Ignored;
import dev.harbor.domain.device.Transition.Moved;
import dev.harbor.domain.device.Transition.Refused;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The device state machine of {@code spec/state-machine.md}: a pure function from a status and an
 * input to a {@link Transition}. It holds no state and reads no clock; it is safe to share.
 *
 * <p>Inputs are applied as they come: call {@link #expireIfDue} first so that a command does not
 * act on a state whose deadline has already passed.
 */
public final class DeviceStateMachine {

    private final TransitionTable table;

    public DeviceStateMachine(DeviceTimeouts timeouts) {
        this.table = TransitionTable.standard(Objects.requireNonNull(timeouts, "timeouts"));
    }

    /** What {@code input} does to a device in status {@code current} at {@code now}. */
    public Transition apply(DeviceStatus current, DeviceInput input, Instant now) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        if (input instanceof DeviceInput.Command command) {
            return applyCommand(current, command, now);
        }
        if (input instanceof DeviceInput.Hardware hardware) {
            return table.forEvent(current.state(), hardware.event())
                    .map(effect -> effect.apply(current, input, now))
                    .orElseGet(() ->
                            new Ignored(current, input, hardware.event() + " means nothing in " + current.state()));
        }
        if (input instanceof DeviceInput.Timeout) {
            return applyTimeout(current, input, now);
        }
        throw new IllegalArgumentException("unknown input " + input);
    }

    /**
     * Whether the spec's table lets {@code command} act on a device in {@code state}, whoever holds
     * it: the question a flow asks of a device it only knows by its state (a Bikeep device).
     */
    public boolean allows(DeviceState state, DeviceCommand command) {
        return table.forCommand(state, command).isPresent();
    }

    /**
     * Applies {@code Timeout} for as long as the current deadline has passed at {@code now}: a
     * lock attempt that times out may return to a booking that has expired meanwhile.
     *
     * @return every move made, oldest first; empty when nothing was due
     */
    public List<Moved> expireIfDue(DeviceStatus current, Instant now) {
        var moves = new ArrayList<Moved>();
        DeviceStatus status = current;
        while (status.isDue(now)) {
            // Every timeout row moves the device, so a due status always produces a Moved.
            var moved = (Moved) apply(status, DeviceInput.timeout(), now);
            moves.add(moved);
            status = moved.to();
        }
        return List.copyOf(moves);
    }

    /** The status at {@code now} once every passed deadline has been applied. */
    public DeviceStatus statusAt(DeviceStatus current, Instant now) {
        List<Moved> moves = expireIfDue(current, now);
        return moves.isEmpty() ? current : moves.get(moves.size() - 1).to();
    }

    private Transition applyCommand(DeviceStatus current, DeviceInput.Command command, Instant now) {
        var effect = table.forCommand(current.state(), command.command());
        if (effect.isEmpty()) {
            return new Refused(
                    current, command, command.command().wireName() + " is not allowed in state " + current.state());
        }
        var holderRefusal = HolderPolicy.refusal(current, command);
        if (holderRefusal.isPresent()) {
            return new Refused(current, command, holderRefusal.get());
        }
        return effect.get().apply(current, command, now);
    }

    private Transition applyTimeout(DeviceStatus current, DeviceInput input, Instant now) {
        if (current.timeoutAt() == null) {
            return new Ignored(current, input, current.state() + " has no deadline");
        }
        if (!current.isDue(now)) {
            // A timer that fires early or for an earlier state must not move the device.
            return new Ignored(current, input, "the deadline " + current.timeoutAt() + " has not passed");
        }
        return table.forTimeout(current.state())
                .orElseThrow(() -> new IllegalStateException("no timeout row for " + current.state()))
                .apply(current, input, now);
    }
}
