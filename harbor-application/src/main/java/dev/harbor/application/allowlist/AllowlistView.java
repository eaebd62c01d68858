package dev.harbor.application.allowlist;

import java.util.Objects;

/** An RFID allowlist of a remote location; its description may be null. */
public record AllowlistView(String allowlistId, String name, String description) {

    public AllowlistView {
        Objects.requireNonNull(allowlistId, "allowlistId");
    }
}
