package dev.harbor.http.admin;

import dev.harbor.application.allowlist.CardView;
import java.time.Instant;

/** A card of {@code GET /bikeep/allowlists/{allowlistId}/cards}. */
record AllowlistCardResponse(String cardId, String status, Instant expiresAt, String comment) {

    static AllowlistCardResponse from(CardView view) {
        return new AllowlistCardResponse(view.cardId(), view.status(), view.expiresAt(), view.comment());
    }
}
