package dev.harbor.application.system;

import dev.harbor.application.port.ExternalDeviceStore;
import dev.harbor.domain.health.HeartbeatClassifier;
import dev.harbor.domain.health.HeartbeatThresholds;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** Keeps the latest heartbeat of each device beside the gateway and classifies its health. */
final class ExternalDeviceService implements ExternalDevices {

    private final ExternalDeviceStore store;
    private final Supplier<HeartbeatThresholds> thresholds;
    private final Clock clock;

    ExternalDeviceService(ExternalDeviceStore store, Supplier<HeartbeatThresholds> thresholds, Clock clock) {
        this.store = store;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    @Override
    public void recordHeartbeat(HeartbeatCommand heartbeat) {
        store.record(new ExternalDeviceStore.Heartbeat(
                heartbeat.deviceId(),
                heartbeat.deviceType(),
                heartbeat.status(),
                heartbeat.softwareVersion(),
                heartbeat.details(),
                clock.instant()));
    }

    @Override
    public List<DeviceView> devices() {
        HeartbeatClassifier classifier = new HeartbeatClassifier(thresholds.get());
        var now = clock.instant();
        return store.latest().stream()
                .map(h -> new DeviceView(
                        h.deviceId(),
                        h.deviceType(),
                        h.status(),
                        h.softwareVersion(),
                        h.details(),
                        h.receivedAt(),
                        classifier.classify(h.receivedAt(), now)))
                .toList();
    }
}
