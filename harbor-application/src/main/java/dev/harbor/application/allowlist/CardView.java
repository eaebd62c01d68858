package dev.harbor.application.allowlist;

import java.time.Instant;
import java.util.Objects;

/**
 * A card on an allowlist, as the remote site holds it.
 *
 * @param expiresAt null: never
 */
public record CardView(String cardId, String status, Instant expiresAt, String comment) {

    public CardView {
        Objects.requireNonNull(cardId, "cardId");
    }
}
