package dev.harbor.application.port;

import dev.harbor.domain.rfid.RfidCardId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The RFID allowlists of a remote site's locations (Bikeep's whitelists) and the cards on them.
 * The lists themselves and which devices accept them are the cloud operator's to configure; Harbor
 * manages the cards.
 *
 * <p>Every method may throw {@link RemoteSiteException}: {@code NOT_FOUND} when the location or
 * allowlist is unknown.
 */
public interface RemoteAllowlists {

    /** The allowlists of a location. */
    List<Allowlist> allowlists(String locationId);

    /** The cards on an allowlist. */
    List<Card> cards(String allowlistId);

    /**
     * Adds cards; a card already on the list is replaced by the new entry. The cloud takes the items
     * one by one: those it refuses are in {@link BatchResult#failed()}, the others stay applied.
     */
    BatchResult add(String allowlistId, List<NewCard> cards);

    /** Removes cards, item by item as {@link #add}. */
    BatchResult remove(String allowlistId, List<RfidCardId> cards);

    record Allowlist(String id, String name, String description) {

        public Allowlist {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A card as the cloud holds it. The id is kept as the cloud sent it: a card someone put there
     * another way is still listed.
     *
     * @param status for example {@code ACTIVE}; may be null
     * @param expiresAt null: never
     */
    record Card(String cardId, String status, Instant expiresAt, String comment) {

        public Card {
            Objects.requireNonNull(cardId, "cardId");
        }
    }

    /**
     * A card to add.
     *
     * @param status null: the cloud's default
     * @param expiresAt null: never
     * @param comment may be null
     */
    record NewCard(RfidCardId cardId, String status, Instant expiresAt, String comment) {

        public NewCard {
            Objects.requireNonNull(cardId, "cardId");
        }
    }

    /** What the cloud did with a batch: the applied ids in request order, and the refused ones. */
    record BatchResult(List<RfidCardId> applied, List<Failure> failed) {

        public BatchResult {
            applied = List.copyOf(applied);
            failed = List.copyOf(failed);
        }
    }

    /** One refused card, with the cloud's reason (never null). */
    record Failure(String cardId, String message) {

        public Failure {
            Objects.requireNonNull(cardId, "cardId");
            message = message == null ? "" : message;
        }
    }
}
