package dev.harbor.http.admin;

import dev.harbor.application.allowlist.ChangeAllowlistCards.Operation;
import java.time.Instant;
import java.util.List;

/** The body of {@code POST /bikeep/allowlists/{allowlistId}/cards}; the card ids as typed. */
record CardChangeRequest(Operation operation, List<Item> cards) {

    record Item(String cardId, String status, Instant expiresAt, String comment) {}
}
