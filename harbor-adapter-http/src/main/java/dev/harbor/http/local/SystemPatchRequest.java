package dev.harbor.http.local;

/** Body of {@code PATCH /system}: every field, nested ones too, is optional. */
public record SystemPatchRequest(String name, DoorOpenPolicy doorOpenPolicy, Heartbeat heartbeat, String logLevel) {

    public record DoorOpenPolicy(Long attemptTimeoutMs, Integer maxAttempts, Long delayMs) {}

    public record Heartbeat(Long unhealthyAfterMs, Long deadAfterMs, Long longDeadAfterMs) {}
}
