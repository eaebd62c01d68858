package dev.harbor.bikeep.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every secret the client holds (the client secret and the tokens it was issued), so that any text
 * that came from outside — an error message Bikeep wrote, an I/O message — can be scrubbed before it
 * reaches a log line or an exception.
 */
final class Secrets {

    private static final int TOKENS_KEPT = 16;
    private static final String MASK = "***";

    private final String clientSecret;
    private final Deque<String> tokens = new ArrayDeque<>();

    public Secrets(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    synchronized void rememberToken(String token) {
        tokens.addFirst(token);
        while (tokens.size() > TOKENS_KEPT) {
            tokens.removeLast();
        }
    }

    /** The text with every known secret replaced by {@code ***}; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        List<String> known;
        synchronized (this) {
            known = List.copyOf(tokens);
        }
        String result = mask(text, clientSecret);
        // The token request sends the secret form-encoded; an answer may echo it that way.
        result = clientSecret == null ? result : mask(result, URLEncoder.encode(clientSecret, StandardCharsets.UTF_8));
        for (String token : known) {
            result = mask(result, token);
        }
        return result;
    }

    private static String mask(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, MASK);
    }
}
