package dev.harbor.application.allowlist;

/**
 * The locations of the remote site (Bikeep) the gateway's credentials can see ({@code GET
 * /bikeep/locations}), whether or not they were added as controllers.
 */
public interface ListRemoteLocations {

    Listing<RemoteLocationView> locations();
}
