package dev.harbor.application.allowlist;

import dev.harbor.domain.controller.ControllerId;
import java.util.Objects;
import java.util.Optional;

/**
 * A location of the remote site (Bikeep), as {@code GET /bikeep/locations} shows it.
 *
 * @param controllerId the Harbor controller the location was added as; empty while it is not one
 */
public record RemoteLocationView(
        String locationId,
        String type,
        String name,
        String label,
        String connection,
        Devices devices,
        Optional<ControllerId> controllerId) {

    public RemoteLocationView {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(controllerId, "controllerId");
    }

    /** Device counts: every device, those an end user can take now, those online. */
    public record Devices(int total, int available, int online) {}
}
