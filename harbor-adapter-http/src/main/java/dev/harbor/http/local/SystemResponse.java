package dev.harbor.http.local;

import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.application.system.GatewayInfo;
import dev.harbor.application.system.NetworkView;
import dev.harbor.application.system.RuntimeSettings;
import dev.harbor.domain.health.HeartbeatThresholds;
import java.time.Instant;
import java.util.List;

/** {@code System} (local-api.md), with the runtime settings under {@code config}. */
public record SystemResponse(
        String gatewayId,
        String name,
        String version,
        Instant startedAt,
        long uptimeSeconds,
        String hostname,
        Network network,
        String storage,
        Controllers controllers,
        Lockers lockers,
        Config config) {

    public record Network(List<Interface> interfaces) {

        public static Network from(NetworkView network) {
            return new Network(network.interfaces().stream()
                    .map(i -> new Interface(i.name(), i.ipv4(), i.ipv6(), i.mac()))
                    .toList());
        }
    }

    public record Interface(String name, String ipv4, String ipv6, String mac) {}

    public record Controllers(int total, int online) {}

    public record Lockers(int total, int available, int occupied, int outOfService) {}

    public record Config(String name, DoorOpenPolicy doorOpenPolicy, Heartbeat heartbeat, String logLevel) {

        public static Config from(RuntimeSettings settings) {
            DoorOpenSettings door = settings.doorOpen();
            HeartbeatThresholds heartbeat = settings.heartbeat();
            return new Config(
                    settings.name(),
                    new DoorOpenPolicy(
                            door.attemptTimeout().toMillis(),
                            door.maxAttempts(),
                            door.delay().toMillis()),
                    new Heartbeat(
                            heartbeat.unhealthyAfter().toMillis(),
                            heartbeat.deadAfter().toMillis(),
                            heartbeat.longDeadAfter().toMillis()),
                    settings.logLevel());
        }
    }

    public record DoorOpenPolicy(long attemptTimeoutMs, int maxAttempts, long delayMs) {}

    public record Heartbeat(long unhealthyAfterMs, long deadAfterMs, long longDeadAfterMs) {}

    public static SystemResponse from(GatewayInfo info) {
        NetworkView network = info.network();
        GatewayInfo.LockerCounts lockers = info.lockers();
        return new SystemResponse(
                info.gatewayId(),
                info.name(),
                info.version(),
                info.startedAt(),
                info.uptimeSeconds(),
                network.hostname(),
                Network.from(network),
                info.storage(),
                new Controllers(info.controllers().total(), info.controllers().online()),
                new Lockers(lockers.total(), lockers.available(), lockers.occupied(), lockers.outOfService()),
                Config.from(info.config()));
    }
}
