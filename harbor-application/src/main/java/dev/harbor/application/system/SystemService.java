package dev.harbor.application.system;

import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.application.locker.LockerFilter;
import dev.harbor.application.locker.LockerView;
import dev.harbor.application.locker.QueryLockers;
import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.application.port.HostSystem;
import dev.harbor.domain.device.DeviceState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Gateway information and health. */
final class SystemService implements QuerySystem {

    private final GatewayIdentity identity;
    private final HostSystem host;
    private final ControllerDiscovery discovery;
    private final BooleanSupplier databaseUp;
    private final ControllerRuntime runtime;
    private final QueryLockers lockers;
    private final ManageSettings settings;
    private final Clock clock;
    private volatile NetworkView network;

    SystemService(
            GatewayIdentity identity,
            HostSystem host,
            ControllerDiscovery discovery,
            BooleanSupplier databaseUp,
            ControllerRuntime runtime,
            QueryLockers lockers,
            ManageSettings settings,
            Clock clock) {
        this.identity = identity;
        this.host = host;
        this.discovery = discovery;
        this.databaseUp = databaseUp;
        this.runtime = runtime;
        this.lockers = lockers;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public GatewayInfo info() {
        List<LockerView> all = lockers.list(LockerFilter.NONE);
        int available = (int) all.stream().filter(LockerView::available).count();
        int occupied = (int) all.stream()
                .filter(v -> v.locker().device().isHeld() || v.locker().device().state() != DeviceState.UNLOCKED)
                .count();
        int outOfService = (int)
                all.stream().filter(v -> v.locker().service().outOfService()).count();
        RuntimeSettings current = settings.current();
        return new GatewayInfo(
                identity.gatewayId(),
                current.name(),
                identity.version(),
                identity.startedAt(),
                uptimeSeconds(),
                network(),
                identity.storage(),
                controllerCounts(),
                new GatewayInfo.LockerCounts(all.size(), available, occupied, outOfService),
                current);
    }

    @Override
    public GatewayHealth health() {
        boolean up = databaseUp.getAsBoolean();
        GatewayInfo.ControllerCounts controllers = controllerCounts();
        GatewayHealth.Status status = !up
                ? GatewayHealth.Status.DOWN
                : controllers.online() < controllers.total() ? GatewayHealth.Status.DEGRADED : GatewayHealth.Status.UP;
        return new GatewayHealth(status, up, controllers, identity.version(), uptimeSeconds());
    }

    @Override
    public NetworkView refreshNetwork() {
        network = NetworkView.from(host.readNetwork());
        if (discovery.isEnabled()) {
            discovery.reannounce();
        }
        return network;
    }

    private NetworkView network() {
        NetworkView known = network;
        if (known == null) {
            known = NetworkView.from(host.readNetwork());
            network = known;
        }
        return known;
    }

    private GatewayInfo.ControllerCounts controllerCounts() {
        ControllerRuntime.Counts counts = runtime.counts();
        return new GatewayInfo.ControllerCounts(counts.total(), counts.online());
    }

    private long uptimeSeconds() {
        return Duration.between(identity.startedAt(), clock.instant()).toSeconds();
    }
}
