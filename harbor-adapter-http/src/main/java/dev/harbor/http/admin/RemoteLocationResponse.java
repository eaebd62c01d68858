package dev.harbor.http.admin;

import dev.harbor.application.allowlist.RemoteLocationView;
import dev.harbor.domain.controller.ControllerId;

/** A Bikeep location of {@code GET /bikeep/locations}; {@code controllerId} null while it is not a controller. */
record RemoteLocationResponse(
        String locationId,
        String type,
        String name,
        String label,
        String connection,
        Devices devices,
        Long controllerId) {

    record Devices(int total, int available, int online) {}

    static RemoteLocationResponse from(RemoteLocationView view) {
        return new RemoteLocationResponse(
                view.locationId(),
                view.type(),
                view.name(),
                view.label(),
                view.connection(),
                new Devices(
                        view.devices().total(),
                        view.devices().available(),
                        view.devices().online()),
                view.controllerId().map(ControllerId::value).orElse(null));
    }
}
