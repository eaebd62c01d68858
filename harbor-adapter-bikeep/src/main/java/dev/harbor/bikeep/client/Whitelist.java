package dev.harbor.bikeep.client;

import java.util.Objects;

/**
 * A Bikeep whitelist (an allowlist of RFID cards). Its targets — the devices and locations that
 * accept its cards — are configured by Bikeep; an integrator manages only its {@link
 * WhitelistEntity entities}.
 *
 * @param id the whitelist id
 * @param name its name
 * @param description its description, may be null
 */
public record Whitelist(String id, String name, String description) {

    public Whitelist {
        Objects.requireNonNull(id, "id");
    }
}
