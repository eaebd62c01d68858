package dev.harbor.bikeep.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.application.port.WebhookVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bikeep's webhook authenticity (bikeep.md, "Webhooks"): the envelope {@code {"type", "data",
 * "version", "hash"}} carries the lowercase hex HMAC-SHA256, keyed with the webhook seed, of the
 * exact bytes of the {@code data} value as it appears in the body, from its first to its last
 * character. The bytes are found with the streaming parser's token locations, never by writing the
 * value out again, so whitespace and escapes count exactly as sent. This is the one class to change
 * when Bikeep's real scheme is known.
 *
 * <p>The body is read no further than needed to find {@code data} and {@code hash} before the hash
 * is checked; the events are read after, from the very bytes that were hashed. A field given twice
 * (two {@code data} values: which one did the hash cover?) makes the body malformed. The seed never
 * leaves this object: no verdict, exception or {@code toString} holds it.
 */
public final class BikeepWebhookVerifier implements WebhookVerifier {

    private static final String HMAC = "HmacSHA256";
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private final SecretKeySpec key;

    /** @param seed the webhook seed Bikeep hands out ({@code HARBOR_BIKEEP_WEBHOOK_SEED}) */
    public BikeepWebhookVerifier(String seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.isBlank()) {
            throw new IllegalArgumentException("the webhook seed must not be blank");
        }
        key = new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    @Override
    public Verdict verify(byte[] body) {
        Envelope envelope;
        try {
            envelope = Envelope.scan(body);
        } catch (MalformedBody e) {
            return new Verdict.Malformed(e.getMessage());
        }
        if (envelope.hash == null) {
            return new Verdict.NotAuthentic("the hash is missing");
        }
        String expected = hmac(body, envelope.dataStart, envelope.dataEnd);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), envelope.hash.getBytes(StandardCharsets.UTF_8))) {
            return new Verdict.NotAuthentic("the hash does not match");
        }
        if (envelope.type == null || envelope.type.isBlank()) {
            return new Verdict.Malformed("type must be a non-empty string");
        }
        try {
            return new Verdict.Authentic(envelope.type, expected, events(body, envelope.dataStart, envelope.dataEnd));
        } catch (MalformedBody e) {
            return new Verdict.Malformed(e.getMessage());
        }
    }

    private String hmac(byte[] body, int from, int to) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(body, from, to - from);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Where {@code data} lies in the body, and the other envelope fields, read in one pass. */
    private static final class Envelope {
        String type;
        String hash;
        int dataStart = -1;
        int dataEnd = -1;

        static Envelope scan(byte[] body) {
            Envelope envelope = new Envelope();
            try (JsonParser parser = JSON.createParser(body)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new MalformedBody("the body must be a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (name) {
                        case "data" -> envelope.locateData(parser, value);
                        case "hash" -> envelope.hash = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                        case "type" -> envelope.type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                        default -> parser.skipChildren();
                    }
                }
                if (parser.nextToken() != null) {
                    throw new MalformedBody("the body holds more than one JSON value");
                }
            } catch (JsonProcessingException e) {
                // Jackson's message quotes the body; ours does not.
                throw new MalformedBody(
                        e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                                ? "the body gives a field twice"
                                : "the body is not valid JSON");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (envelope.dataStart < 0) {
                throw new MalformedBody("data is missing");
            }
            return envelope;
        }

        private void locateData(JsonParser parser, JsonToken value) throws IOException {
            if (value != JsonToken.START_OBJECT && value != JsonToken.START_ARRAY) {
                throw new MalformedBody("data must be an event object or an array of event objects");
            }
            long start = parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            // The closing bracket is one byte; the data value ends with it.
            long end = parser.currentTokenLocation().getByteOffset() + 1;
            if (start < 0 || end <= start) {
                throw new MalformedBody("the body must be UTF-8 JSON");
            }
            dataStart = (int) start;
            dataEnd = (int) end;
        }
    }

    private static List<Event> events(byte[] body, int from, int to) {
        JsonNode data;
        try {
            data = MAPPER.readTree(body, from, to - from);
        } catch (IOException e) {
            throw new MalformedBody("data is not valid JSON");
        }
        List<Event> events = new ArrayList<>();
        if (data.isObject()) {
            events.add(event(data, "data"));
        } else {
            for (int i = 0; i < data.size(); i++) {
                events.add(event(data.get(i), "data[" + i + "]"));
            }
        }
        return events;
    }

    private static Event event(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new MalformedBody(where + " must be an event object");
        }
        String location = text(node, "location_id", where);
        if (location == null || location.isBlank()) {
            throw new MalformedBody(where + ".location_id is missing");
        }
        return new Event(
                location,
                text(node, "device_id", where),
                text(node, "connection", where),
                text(node, "alarm_reason", where),
                text(node, "alarm_category", where),
                text(node, "status", where),
                timestamp(node, where));
    }

    /** A string or a number (Bikeep's ids may be either); absent or null: {@code null}. */
    private static String text(JsonNode event, String field, String where) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new MalformedBody(where + "." + field + " must be a string");
        }
        return value.asText();
    }

    private static Instant timestamp(JsonNode event, String where) {
        String text = text(event, "timestamp", where);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedBody(where + ".timestamp must be an ISO-8601 time with an offset");
        }
    }

    /** A body that is not a Bikeep delivery; the message never quotes the body. */
    private static final class MalformedBody extends RuntimeException {
        MalformedBody(String message) {
            super(message, null, false, false);
        }
    }
}
