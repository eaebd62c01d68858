package dev.harbor.application.remote;

import dev.harbor.application.locker.RemoteReading;
import dev.harbor.application.locker.RemoteReadings;
import dev.harbor.application.port.RemoteDevices.RemoteDevice;
import dev.harbor.domain.locker.LockerId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The remote devices as last read, by locker, in memory: rebuilt by the first sync after a start
 * (until then an external locker is not operational). Also counts the commands of ours in flight
 * per locker, so that no new transaction takes a device whose booking may still land.
 */
final class DeviceMirror implements RemoteReadings {

    private final Map<LockerId, RemoteReading> readings = new ConcurrentHashMap<>();
    private final Map<LockerId, Set<Long>> inFlight = new ConcurrentHashMap<>();
    private final Map<LockerId, String> deviceIds = new ConcurrentHashMap<>();

    @Override
    public RemoteReading of(LockerId id) {
        RemoteReading reading = readings.getOrDefault(id, RemoteReading.UNKNOWN);
        boolean busy = inFlight.containsKey(id);
        return busy == reading.commandInFlight()
                ? reading
                : new RemoteReading(reading.state(), reading.changedAt(), reading.timeoutAt(), reading.online(), busy);
    }

    /** The device behind a locker, as last read; empty when never read since the start. */
    Optional<String> deviceOf(LockerId id) {
        return Optional.ofNullable(deviceIds.get(id));
    }

    void read(LockerId id, RemoteDevice device) {
        deviceIds.put(id, device.id());
        readings.put(
                id,
                new RemoteReading(
                        device.state(), device.stateChangedAt(), device.stateTimeoutAt(), device.isOnline(), false));
    }

    /** The remote site did not answer: the device's last state stays on show, but it is not operational. */
    void unreachable(LockerId id) {
        readings.computeIfPresent(
                id, (k, r) -> new RemoteReading(r.state(), r.changedAt(), r.timeoutAt(), false, false));
    }

    void forget(LockerId id) {
        readings.remove(id);
        deviceIds.remove(id);
    }

    /** The command log's entry {@code entryId} is unfinished: the locker is busy until it ends. Idempotent. */
    void commandStarted(LockerId id, long entryId) {
        inFlight.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(entryId);
    }

    void commandEnded(LockerId id, long entryId) {
        inFlight.computeIfPresent(id, (k, entries) -> {
            entries.remove(entryId);
            return entries.isEmpty() ? null : entries;
        });
    }
}
