package dev.harbor.application.allowlist;

import dev.harbor.application.Actor;
import dev.harbor.application.RemoteProblem;
import dev.harbor.domain.rfid.RfidCardBatch;
import dev.harbor.domain.rfid.RfidCardId;
import dev.harbor.domain.rule.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Adds cards to, or removes cards from, an allowlist of the remote site ({@code POST
 * /bikeep/allowlists/{id}/cards}). The remote site takes the cards one by one and rolls nothing
 * back: when it refuses some, the others stay applied and the answer names both. Every change is
 * in the audit trail with the number of cards and the allowlist, never the card ids (they are
 * personal data).
 */
public interface ChangeAllowlistCards {

    ChangeResult change(ChangeCardsCommand command, Actor actor);

    enum Operation {
        /** Adds the cards; a card already on the list is replaced (its status, expiry, comment). */
        ADD,
        /** Removes the cards; only their ids count. */
        REMOVE
    }

    /** A card as the caller wrote it: {@link #cardId} still with separators or capitals, maybe. */
    record TypedCard(String cardId, String status, Instant expiresAt, String comment) {}

    /** A card of a valid command: its id normalized. */
    record Card(RfidCardId cardId, String status, Instant expiresAt, String comment) {

        public Card {
            Objects.requireNonNull(cardId, "cardId");
        }
    }

    /**
     * A valid change: 1 to {@value RfidCardBatch#MAX_CARDS} distinct cards on a named allowlist.
     * Build it from what the caller wrote with {@link #typed}.
     */
    record ChangeCardsCommand(String allowlistId, Operation operation, List<Card> cards) {

        public ChangeCardsCommand {
            RemoteIds.require("allowlistId", allowlistId);
            if (operation == null) {
                throw new InvalidValueException("operation", "operation must be ADD or REMOVE");
            }
            Objects.requireNonNull(cards, "cards");
            RfidCardBatch.normalizeAll(
                    "cards",
                    "cardId",
                    cards.stream().map(c -> c.cardId().value()).toList());
            cards = List.copyOf(cards);
        }

        /**
         * The command for the cards as typed: every id normalized, or the whole request refused.
         *
         * @throws InvalidValueException naming every refused card ({@code cards[2].cardId}), or the
         *     list when it is empty or longer than {@value RfidCardBatch#MAX_CARDS}
         */
        public static ChangeCardsCommand typed(String allowlistId, Operation operation, List<TypedCard> cards) {
            if (cards == null) {
                throw new InvalidValueException("cards", "cards must name at least one card");
            }
            List<RfidCardId> ids = RfidCardBatch.normalizeAll(
                    "cards",
                    "cardId",
                    cards.stream().map(c -> c == null ? null : c.cardId()).toList());
            List<Card> normalized = new ArrayList<>(cards.size());
            for (int i = 0; i < cards.size(); i++) {
                TypedCard typed = cards.get(i);
                normalized.add(new Card(ids.get(i), typed.status(), typed.expiresAt(), typed.comment()));
            }
            return new ChangeCardsCommand(allowlistId, operation, normalized);
        }
    }

    sealed interface ChangeResult {

        /**
         * The remote site took the batch: {@code failed} empty when every card was applied.
         *
         * @param applied the normalized ids applied, in request order
         */
        record Changed(List<String> applied, List<Refused> failed) implements ChangeResult {
            public Changed {
                applied = List.copyOf(applied);
                failed = List.copyOf(failed);
            }

            public boolean allApplied() {
                return failed.isEmpty();
            }
        }

        /** The remote-site integration is not configured; nothing was sent. */
        record IntegrationOff() implements ChangeResult {}

        /** The batch as a whole failed; whether any of it was applied is unknown unless the problem says refused. */
        record Failed(RemoteProblem problem) implements ChangeResult {
            public Failed {
                Objects.requireNonNull(problem, "problem");
            }
        }
    }

    /** A card the remote site refused, with its reason. */
    record Refused(String cardId, String message) {}
}
