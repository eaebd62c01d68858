package dev.harbor.application.fakes;

import dev.harbor.application.port.RemoteSiteException;
import java.util.UUID;

/** The failures the in-memory remote site fakes answer with, as the Bikeep adapter would raise them. */
final class RemoteSiteFailures {

    private RemoteSiteFailures() {}

    static RemoteSiteException unreachable() {
        return new RemoteSiteException(
                RemoteSiteException.Kind.UNAVAILABLE, "the remote site cannot be reached", null, null);
    }

    /** Unknown to the cloud, with a correlation id as Bikeep's error body carries one. */
    static RemoteSiteException notFound(String what, String id) {
        return new RemoteSiteException(
                RemoteSiteException.Kind.NOT_FOUND,
                "no " + what + " " + id,
                UUID.randomUUID().toString(),
                null);
    }
}
