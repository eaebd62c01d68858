package dev.harbor.http.local;

import dev.harbor.application.system.SettingsChange;

/** Body of {@code PATCH /system}: every field, nested ones too, is optional. */
public record SystemPatchRequest(String name, DoorOpenPolicy doorOpenPolicy, Heartbeat heartbeat, String logLevel) {

    public record DoorOpenPolicy(Long attemptTimeoutMs, Integer maxAttempts, Long delayMs) {}

    public record Heartbeat(Long unhealthyAfterMs, Long deadAfterMs, Long longDeadAfterMs) {}

    /** The same partial change, unchecked: the application merges it and refuses what breaks a rule. */
    SettingsChange toChange() {
        return new SettingsChange(
                name,
                doorOpenPolicy == null
                        ? null
                        : new SettingsChange.DoorOpenChange(
                                doorOpenPolicy.attemptTimeoutMs(),
                                doorOpenPolicy.maxAttempts(),
                                doorOpenPolicy.delayMs()),
                heartbeat == null
                        ? null
                        : new SettingsChange.HeartbeatChange(
                                heartbeat.unhealthyAfterMs(), heartbeat.deadAfterMs(), heartbeat.longDeadAfterMs()),
                logLevel);
    }
}
