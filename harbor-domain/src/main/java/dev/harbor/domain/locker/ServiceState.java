package dev.harbor.domain.locker;

import dev.harbor.domain.rule.InvalidValueException;

/**
 * The administrative flag beside the device state: a locker taken out of service keeps its
 * state and its transaction, but is not handed to new ones.
 *
 * @param reason free text for people, at most 500 characters
 */
public record ServiceState(boolean outOfService, ReasonCode reasonCode, String reason) {

    public static final ServiceState IN_SERVICE = new ServiceState(false, null, null);

    public ServiceState {
        if (outOfService && reasonCode == null) {
            throw new InvalidValueException("reasonCode", "taking a locker out of service needs a reasonCode");
        }
        if (reason != null && reason.length() > 500) {
            throw new InvalidValueException("reason", "reason must be at most 500 characters");
        }
    }

    public static ServiceState outOfService(ReasonCode code, String reason) {
        return new ServiceState(true, code, reason);
    }
}
