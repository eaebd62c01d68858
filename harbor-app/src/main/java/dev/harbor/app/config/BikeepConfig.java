package dev.harbor.app.config;

import dev.harbor.application.remote.RemoteSiteSettings;
import java.net.URI;
import java.util.Optional;

/**
 * The Bikeep integration's settings ({@code HARBOR_BIKEEP_…}); present in {@link HarborConfig}
 * only when both client credentials are set.
 *
 * @param authUrl       the token endpoint is {@code {authUrl}/oauth2/token}
 * @param apiUrl        the base of every Bikeep resource path
 * @param webhookSeed   the seed of webhook hashes; empty: the webhook route refuses everything
 * @param remote        sync interval, command poll and timeout, booking lifetime
 */
public record BikeepConfig(
        String clientId,
        String clientSecret,
        URI authUrl,
        URI apiUrl,
        Optional<String> webhookSeed,
        RemoteSiteSettings remote) {

    /** Never print secrets: the client secret and the webhook seed are masked. */
    @Override
    public String toString() {
        return "BikeepConfig[clientId=" + clientId + ", clientSecret=****, authUrl=" + authUrl + ", apiUrl=" + apiUrl
                + ", webhookSeed=" + (webhookSeed.isPresent() ? "****" : "(unset)") + ", " + remote + "]";
    }
}
