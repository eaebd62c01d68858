package dev.harbor.http.admin;

import dev.harbor.application.allowlist.AllowlistView;

/** An RFID allowlist of {@code GET /bikeep/locations/{locationId}/allowlists}. */
record AllowlistResponse(String allowlistId, String name, String description) {

    static AllowlistResponse from(AllowlistView view) {
        return new AllowlistResponse(view.allowlistId(), view.name(), view.description());
    }
}
