package dev.harbor.http.admin;

import dev.harbor.application.allowlist.ChangeAllowlistCards;
import java.util.List;

/** What Bikeep applied and what it refused, card by card (normalized ids). */
record CardChangeResponse(List<String> applied, List<Failed> failed) {

    record Failed(String cardId, String message) {}

    static CardChangeResponse from(ChangeAllowlistCards.ChangeResult.Changed changed) {
        return new CardChangeResponse(
                changed.applied(),
                changed.failed().stream()
                        .map(f -> new Failed(f.cardId(), f.message()))
                        .toList());
    }
}
