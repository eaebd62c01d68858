package dev.harbor.application.allowlist;

import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.RemoteAllowlists;
import dev.harbor.application.port.RemoteSites;
import dev.harbor.domain.controller.ControllerId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The remote-site (Bikeep) location and allowlist use cases, built over the driven ports. It exists
 * because the application is assembled in another package: the service behind these ports stays
 * package-private, and the assembly sees only what it hands out.
 */
public record AllowlistUseCases(ListRemoteLocations locations, QueryAllowlists query, ChangeAllowlistCards change) {

    public AllowlistUseCases {
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(change, "change");
    }

    /** @param controllerOfLocation the controller a location was added as, if any */
    public static AllowlistUseCases over(
            RemoteSites sites,
            RemoteAllowlists allowlists,
            Function<String, Optional<ControllerId>> controllerOfLocation,
            Auditor auditor) {
        AllowlistService service = new AllowlistService(
                Objects.requireNonNull(sites, "sites"),
                Objects.requireNonNull(allowlists, "allowlists"),
                Objects.requireNonNull(controllerOfLocation, "controllerOfLocation"),
                auditor);
        return new AllowlistUseCases(service, service, service);
    }

    /** The integration is off: every use case answers {@code IntegrationOff} and nothing is sent anywhere. */
    public static AllowlistUseCases off() {
        AllowlistService.Off off = new AllowlistService.Off();
        return new AllowlistUseCases(off, off, off);
    }
}
