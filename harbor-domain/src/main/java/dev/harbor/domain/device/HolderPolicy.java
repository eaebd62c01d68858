package dev.harbor.domain.device;

import java.util.Optional;

/**
 * Who may command a device that is already taken. A command naming a holder must name the
 * device's holder; a command naming nobody acts for whoever holds the device (Bikeep's API knows
 * no holders). A free device is taken by anyone.
 */
final class HolderPolicy {

    private HolderPolicy() {}

    /** Why this command may not act on this device, or empty when it may. */
    static Optional<String> refusal(DeviceStatus current, DeviceInput.Command command) {
        if (command.holder() == null
                || current.state() == DeviceState.UNLOCKED
                || command.holder().equals(current.holder())) {
            return Optional.empty();
        }
        // Another holder's id is not named: the reason may reach an API client.
        return Optional.of(
                current.isHeld()
                        ? "the device is held by another holder"
                        : "the device was taken for no holder; " + command.holder() + " cannot claim it");
    }
}
