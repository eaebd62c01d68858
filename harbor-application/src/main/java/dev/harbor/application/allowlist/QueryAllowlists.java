package dev.harbor.application.allowlist;

/**
 * Reads the RFID allowlists of the remote site's locations and their cards (bikeep.md, "RFID
 * allowlists"). Ids are the remote site's own; one it does not know answers {@link Listing.Failed}
 * with {@link dev.harbor.application.RemoteProblem.Kind#NOT_FOUND}. A blank id, or one longer than 200 characters, is refused
 * with {@link dev.harbor.domain.rule.InvalidValueException} before anything is sent.
 */
public interface QueryAllowlists {

    /** The allowlists of a location. */
    Listing<AllowlistView> allowlists(String locationId);

    /** The cards on an allowlist. */
    Listing<CardView> cards(String allowlistId);
}
