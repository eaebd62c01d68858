package dev.harbor.domain.device;

import java.util.Objects;
import java.util.Optional;

/**
 * What one input did to a device. Consume with {@code instanceof} patterns:
 * <ul>
 *   <li>{@link Moved}: the device changed state; store {@link Moved#to()}.</li>
 *   <li>{@link Ignored}: the input means nothing in this state; record it, change nothing. A force
 *       command that finds the device already in its target state is also ignored, and is a
 *       success for the caller.</li>
 *   <li>{@link Refused}: the command is not allowed now; the application answers
 *       {@code INVALID_STATE} (HTTP 409) and changes nothing.</li>
 * </ul>
 */
public sealed interface Transition {

    /** The device's status after the input (unchanged unless {@link Moved}). */
    DeviceStatus status();

    DeviceInput input();

    /**
     * The device moved to another state.
     *
     * @param anomaly why this move is an anomaly worth recording (a timeout in {@code LOCKING} or
     *                {@code UNLOCKING}), or {@code null}
     */
    record Moved(DeviceStatus from, DeviceStatus to, DeviceInput input, String anomaly) implements Transition {
        public Moved {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(input, "input");
            if (from.state() == to.state()) {
                throw new IllegalArgumentException("a move changes the state, both are " + from.state());
            }
            if (anomaly != null && anomaly.isBlank()) {
                throw new IllegalArgumentException("an anomaly needs a reason; use null for none");
            }
        }

        public Moved(DeviceStatus from, DeviceStatus to, DeviceInput input) {
            this(from, to, input, null);
        }

        @Override
        public DeviceStatus status() {
            return to;
        }

        public Optional<String> anomalyReason() {
            return Optional.ofNullable(anomaly);
        }
    }

    /** The input means nothing in this state. */
    record Ignored(DeviceStatus status, DeviceInput input, String reason) implements Transition {
        public Ignored {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(input, "input");
            requireReason(reason);
        }
    }

    /** The command is not allowed in this state (or for this holder). */
    record Refused(DeviceStatus status, DeviceInput input, String reason) implements Transition {
        public Refused {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(input, "input");
            requireReason(reason);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
    }
}
