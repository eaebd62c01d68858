package dev.harbor.application.controller;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.LayoutStore;
import dev.harbor.application.port.LockBoard;
import dev.harbor.domain.health.HeartbeatThresholds;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The controller use cases, built over the driven ports. It exists because the application is
 * assembled in another package: the services behind these ports stay package-private, and the
 * assembly sees only what it hands out.
 */
public record ControllerUseCases(ManageControllers manage, DiscoverControllers discover, AttachControllers attach) {

    /** @param thresholds the heartbeat thresholds in effect, read at each classification */
    public static ControllerUseCases over(
            ControllerStore controllers,
            LayoutStore layout,
            LockBoard board,
            ControllerRuntime runtime,
            RemoteLocations remoteLocations,
            ControllerDiscovery discovery,
            Auditor auditor,
            Supplier<HeartbeatThresholds> thresholds,
            Clock clock) {
        ControllerService service =
                new ControllerService(controllers, layout, board, runtime, remoteLocations, auditor, thresholds, clock);
        return new ControllerUseCases(service, new DiscoveryService(discovery, service, auditor), service);
    }
}
