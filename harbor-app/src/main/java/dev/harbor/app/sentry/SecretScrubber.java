package dev.harbor.app.sentry;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.protocol.Contexts;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.Response;
import io.sentry.protocol.SentryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from what goes to Sentry: request headers that carry them, values stored
 * under names that sound secret, and anything in free text that looks like a Basic/Bearer
 * credential, a {@code password=…}/{@code token: …} pair, credentials in a URL, or a long random
 * token. Over-scrubbing a harmless string is the accepted price.
 */
final class SecretScrubber {

    static final String FILTERED = "[Filtered]";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(pass(word|wd|phrase)?|pwd|secret|token|auth|cookie|session|api[-_]?key|credential|private[-_]?key|dsn).*");

    private static final Pattern AUTH_SCHEME =
            Pattern.compile("(?i)\\b(Basic|Bearer|Digest|Token|Negotiate)(\\s+)[A-Za-z0-9+/=._~:-]+");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)((?:pass(?:word|wd|phrase)?|pwd|secret|[a-z_-]*token|api[-_]?key|authorization|cookie|credentials?)"
                    + "[\"']?\\s*[=:]\\s*[\"']?)([^\\s\"'&,;)}\\]]+)");
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
    /** Base64/base64url/hex runs this long are keys or tokens, not words. */
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{32,}={0,2}");

    private SecretScrubber() {}

    static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = AUTH_SCHEME.matcher(text).replaceAll("$1$2" + Matcher.quoteReplacement(FILTERED));
        result = URL_USER_INFO.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(FILTERED) + "@");
        result = NAMED_SECRET
                .matcher(result)
                .replaceAll(m -> m.group(2).startsWith("[Filtered")
                        ? Matcher.quoteReplacement(m.group())
                        : Matcher.quoteReplacement(m.group(1) + FILTERED));
        return LONG_TOKEN
                .matcher(result)
                .replaceAll(m -> looksRandom(m.group())
                        ? Matcher.quoteReplacement(FILTERED)
                        : Matcher.quoteReplacement(m.group()));
    }

    static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name).matches();
    }

    static SentryEvent scrub(SentryEvent event) {
        Message message = event.getMessage();
        if (message != null) {
            message.setMessage(scrub(message.getMessage()));
            message.setFormatted(scrub(message.getFormatted()));
            if (message.getParams() != null) {
                message.setParams(
                        message.getParams().stream().map(SecretScrubber::scrub).toList());
            }
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(scrub(exception.getValue()));
            }
        }
        event.setTransaction(scrub(event.getTransaction()));
        scrub(event.getRequest());
        scrubContexts(event.getContexts());
        if (event.getExtras() != null) {
            event.setExtras(scrubMap(event.getExtras()));
        }
        if (event.getTags() != null) {
            Map<String, String> tags = new LinkedHashMap<>();
            event.getTags().forEach((key, value) -> tags.put(key, isSecretName(key) ? FILTERED : scrub(value)));
            event.setTags(tags);
        }
        if (event.getBreadcrumbs() != null) {
            event.getBreadcrumbs().forEach(SecretScrubber::scrub);
        }
        if (event.getUser() != null) {
            // The gateway never sets a user; anything found here came from elsewhere and stays home.
            event.setUser(null);
        }
        return event;
    }

    static Breadcrumb scrub(Breadcrumb breadcrumb) {
        breadcrumb.setMessage(scrub(breadcrumb.getMessage()));
        Map<String, Object> data = breadcrumb.getData();
        if (data != null && !data.isEmpty()) {
            Map<String, Object> scrubbed = scrubMap(data);
            for (String key : List.copyOf(data.keySet())) {
                breadcrumb.setData(key, scrubbed.get(key));
            }
        }
        return breadcrumb;
    }

    private static void scrub(Request request) {
        if (request == null) {
            return;
        }
        request.setHeaders(scrubHeaders(request.getHeaders()));
        request.setCookies(request.getCookies() == null ? null : FILTERED);
        request.setUrl(scrub(request.getUrl()));
        request.setQueryString(scrubQuery(request.getQueryString()));
        request.setData(scrubValue(request.getData()));
        if (request.getEnvs() != null) {
            request.setEnvs(scrubStrings(request.getEnvs()));
        }
        if (request.getOthers() != null) {
            request.setOthers(scrubStrings(request.getOthers()));
        }
    }

    private static void scrubContexts(Contexts contexts) {
        if (contexts == null) {
            return;
        }
        Response response = contexts.getResponse();
        if (response != null) {
            response.setHeaders(scrubHeaders(response.getHeaders()));
            response.setCookies(response.getCookies() == null ? null : FILTERED);
            response.setData(scrubValue(response.getData()));
        }
        for (Map.Entry<String, Object> entry : new ArrayList<>(contexts.entrySet())) {
            Object value = entry.getValue();
            if (isSecretName(entry.getKey())) {
                contexts.remove(entry.getKey());
            } else if (value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof String) {
                contexts.put(entry.getKey(), scrubValue(value));
            }
        }
    }

    private static Map<String, String> scrubHeaders(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!(lower.equals("authorization")
                    || lower.equals("proxy-authorization")
                    || lower.equals("cookie")
                    || lower.equals("set-cookie")
                    || lower.equals("x-session-token")
                    || isSecretName(lower))) {
                result.put(name, scrub(value));
            }
        });
        return result;
    }

    private static String scrubQuery(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        List<String> parts = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            parts.add(eq >= 0 && isSecretName(name) ? name + "=" + FILTERED : scrub(pair));
        }
        return String.join("&", parts);
    }

    private static Map<String, String> scrubStrings(Map<String, String> values) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((key, value) -> result.put(key, isSecretName(key) ? FILTERED : scrub(value)));
        return result;
    }

    private static Map<String, Object> scrubMap(Map<?, ?> values) {
        Map<String, Object> result = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            String name = String.valueOf(key);
            result.put(name, isSecretName(name) ? FILTERED : scrubValue(value));
        });
        return result;
    }

    private static Object scrubValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return scrubMap(map);
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(SecretScrubber::scrubValue).toList();
        }
        // Anything else would be serialised by its toString(), so scrub that.
        return scrub(value.toString());
    }

    private static boolean looksRandom(String run) {
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            digit |= Character.isDigit(c);
            letter |= Character.isLetter(c);
        }
        return digit && letter;
    }
}
