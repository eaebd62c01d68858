package dev.harbor.domain.device;

import java.time.Instant;
import java.util.Objects;

/**
 * When a booking made by {@code book} expires. Bikeep's default is one hour; a Harbor transaction
 * books with {@link #NEVER} because it lasts until it is released.
 */
public sealed interface BookingExpiry {

    /** The machine's default booking duration ({@link DeviceTimeouts#booking()}) from acceptance. */
    BookingExpiry DEFAULT = new Default();

    /** The booking lasts until it is cancelled or the device is force-unlocked. */
    BookingExpiry NEVER = new Never();

    /** The booking expires at this instant, which must be after the moment the command is applied. */
    static BookingExpiry at(Instant expiresAt) {
        return new At(expiresAt);
    }

    /** See {@link #DEFAULT}. */
    record Default() implements BookingExpiry {}

    /** See {@link #NEVER}. */
    record Never() implements BookingExpiry {}

    /** See {@link #at(Instant)}. */
    record At(Instant expiresAt) implements BookingExpiry {
        public At {
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
