package dev.harbor.bikeep.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The spec's webhook hash: lowercase hex HMAC-SHA256 keyed with the seed over the {@code data} bytes. */
final class WebhookHash {

    private WebhookHash() {}

    static String of(String seed, String dataJson) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(dataJson.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Well-formed (64 lowercase hex digits) but not the hash of this data under this seed. */
    static String wrong(String seed, String dataJson) {
        String right = of(seed == null ? "no-seed" : seed, dataJson);
        char first = right.charAt(0) == '0' ? '1' : '0';
        return first + right.substring(1);
    }
}
