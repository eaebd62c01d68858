package dev.harbor.domain.device;

import java.util.Objects;

/**
 * Everything that can happen to a device: a command, a hardware event, or the passing of the
 * current state's deadline. {@link DeviceStateMachine#apply} decides what each one does.
 */
public sealed interface DeviceInput {

    /** A command acting for no particular holder (for {@code book}: default expiry). */
    static Command command(DeviceCommand command) {
        return new Command(command, null, null);
    }

    /**
     * {@code book} for a holder (a transaction or session id, or {@code null} for nobody in
     * particular) with the given expiry; a Harbor transaction uses {@link BookingExpiry#NEVER}.
     */
    static Command book(String holder, BookingExpiry expiry) {
        return new Command(DeviceCommand.BOOK, holder, expiry);
    }

    /** A non-force command sent on behalf of {@code holder} ({@code null}: nobody in particular). */
    static Command command(DeviceCommand command, String holder) {
        return new Command(command, holder, null);
    }

    static Hardware event(HardwareEvent event) {
        return new Hardware(event);
    }

    static Timeout timeout() {
        return new Timeout();
    }

    /**
     * A command.
     *
     * @param command the command
     * @param holder  who sends it; when the device is already taken, a non-null holder must be the
     *                device's holder. Force commands act for nobody and take no holder.
     * @param expiry  only for {@code book}; {@code null} there means {@link BookingExpiry#DEFAULT}
     */
    record Command(DeviceCommand command, String holder, BookingExpiry expiry) implements DeviceInput {
        public Command {
            Objects.requireNonNull(command, "command");
            if (holder != null && holder.isBlank()) {
                throw new IllegalArgumentException("holder must not be blank; use null for no holder");
            }
            if (holder != null && command.isForce()) {
                throw new IllegalArgumentException(command.wireName() + " acts for no holder, got " + holder);
            }
            if (command == DeviceCommand.BOOK) {
                expiry = expiry == null ? BookingExpiry.DEFAULT : expiry;
            } else if (expiry != null) {
                throw new IllegalArgumentException("only book takes an expiry, not " + command.wireName());
            }
        }

        @Override
        public String toString() {
            return command.wireName()
                    + (holder == null ? "" : "(" + holder + ")")
                    + (expiry == null ? "" : " " + expiry);
        }
    }

    /** A hardware event. */
    record Hardware(HardwareEvent event) implements DeviceInput {
        public Hardware {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public String toString() {
            return event.name();
        }
    }

    /** The current state's deadline ({@link DeviceStatus#timeoutAt()}) may have passed. */
    record Timeout() implements DeviceInput {
        @Override
        public String toString() {
            return "TIMEOUT";
        }
    }
}
