package dev.harbor.bikeep.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Everything {@code BikeepClient.Builder} collects; checked once here. */
record ClientSettings(
        URI authUrl,
        URI apiUrl,
        String clientId,
        String clientSecret,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration retryDelay,
        Duration maxRetryDelay,
        Duration tokenRefreshMargin,
        Duration credentialBackoff,
        Duration maxCredentialBackoff,
        Clock clock) {

    public ClientSettings {
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("Bikeep credentials need a client id and a client secret");
        }
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        positive(retryDelay, "retryDelay");
        positive(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(tokenRefreshMargin, "tokenRefreshMargin");
        positive(credentialBackoff, "credentialBackoff");
        positive(maxCredentialBackoff, "maxCredentialBackoff");
        Objects.requireNonNull(clock, "clock");
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    /** No secret in a settings dump. */
    @Override
    public String toString() {
        return "ClientSettings[authUrl=" + authUrl + ", apiUrl=" + apiUrl + ", clientId=" + clientId
                + ", clientSecret=***, connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxRetries=" + maxRetries + "]";
    }
}
