package dev.harbor.application.allowlist;

import dev.harbor.domain.rule.InvalidValueException;

/**
 * The ids of the remote site's locations and allowlists are its own (Bikeep: UUIDs); Harbor only
 * bounds them, so that a request cannot send a page of text on to the remote site.
 */
final class RemoteIds {

    static final int MAX_LENGTH = 200;

    private RemoteIds() {}

    static String require(String field, String id) {
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
            throw new InvalidValueException(field, field + " must be 1-" + MAX_LENGTH + " characters");
        }
        return id;
    }
}
