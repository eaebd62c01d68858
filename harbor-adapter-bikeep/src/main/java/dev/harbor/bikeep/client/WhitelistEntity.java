package dev.harbor.bikeep.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One entity of a whitelist: in practice an RFID card.
 *
 * <p>Bikeep wants RFID ids as raw lowercase hex, no separators, even length, at most 20 characters
 * ({@code 04a2b3c4d5e6f7}). The client sends ids as given: normalize them before.
 *
 * @param id the card id
 * @param idType {@code rfid}
 * @param status e.g. {@code ACTIVE}; may be null
 * @param expiresAt when the card stops working; null for never
 * @param comment free text; may be null
 */
public record WhitelistEntity(String id, String idType, String status, Instant expiresAt, String comment) {

    public WhitelistEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(idType, "idType");
    }

    /** An active RFID card that never expires. */
    public static WhitelistEntity activeRfid(String id, String comment) {
        return new WhitelistEntity(id, "rfid", "ACTIVE", null, comment);
    }

    /** An RFID card with the given status and expiry (either may be null). */
    public static WhitelistEntity rfid(String id, String status, Instant expiresAt, String comment) {
        return new WhitelistEntity(id, "rfid", status, expiresAt, comment);
    }
}
