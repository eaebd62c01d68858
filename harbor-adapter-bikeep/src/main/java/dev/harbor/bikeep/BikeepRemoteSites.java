package dev.harbor.bikeep;

import dev.harbor.application.port.RemoteSites;
import dev.harbor.bikeep.client.BikeepClient;
import dev.harbor.bikeep.client.BikeepException;
import java.util.List;
import java.util.Objects;

/** {@link RemoteSites} over the Bikeep cloud: its locations ({@code GET /location/v1/locations}). */
public final class BikeepRemoteSites implements RemoteSites {

    private final BikeepClient client;

    public BikeepRemoteSites(BikeepClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<Location> locations() {
        try {
            return client.locations().stream()
                    .map(l -> new Location(
                            l.id(),
                            l.type(),
                            l.name(),
                            l.label(),
                            l.connection(),
                            new DeviceCounts(
                                    l.devices().total(),
                                    l.devices().available(),
                                    l.devices().online())))
                    .toList();
        } catch (BikeepException e) {
            throw BikeepFailures.translate(e);
        }
    }
}
