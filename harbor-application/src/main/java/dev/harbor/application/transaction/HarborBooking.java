package dev.harbor.application.transaction;

import dev.harbor.domain.device.BookingExpiry;
import dev.harbor.domain.device.DeviceInput;
import dev.harbor.domain.device.DeviceStateMachine;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.device.HardwareEvent;
import dev.harbor.domain.device.Transition;
import dev.harbor.domain.transaction.TransactionId;
import java.time.Instant;

/** The status a locker takes when a Harbor transaction holds it, reached through the state machine. */
public final class HarborBooking {

    private HarborBooking() {}

    /**
     * A Harbor transaction books without expiry, acknowledged at once: our own boards have nothing
     * to acknowledge, and a remote device's booking is confirmed before the transaction is.
     */
    public static DeviceStatus bookedFor(DeviceStateMachine machine, TransactionId id, Instant now) {
        DeviceStatus allocated =
                moved(machine.apply(DeviceStatus.initial(now), DeviceInput.book(id.value(), BookingExpiry.NEVER), now));
        return moved(machine.apply(allocated, DeviceInput.event(HardwareEvent.ACKNOWLEDGED), now));
    }

    private static DeviceStatus moved(Transition transition) {
        if (transition instanceof Transition.Moved moved) {
            return moved.to();
        }
        throw new IllegalStateException("the state machine refused a step of the transaction flow: " + transition);
    }
}
