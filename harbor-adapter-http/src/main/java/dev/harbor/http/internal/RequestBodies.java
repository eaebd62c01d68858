package dev.harbor.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads request bodies: at most {@link #MAX_BODY_BYTES} (413 beyond), only JSON (415 for another
 * content type), parsed strictly (400 with the offending field in {@code details}).
 */
public final class RequestBodies {

    /** 64 KiB (local-api.md: larger bodies are refused with 413). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper mapper;

    public RequestBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Checks size and content type of any body a request carries, before a handler runs. */
    public static void checkEnvelope(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes(ctx)) {
            throw tooLarge(maxBytes(ctx));
        }
        boolean hasBody = declared > 0 || ctx.header("Transfer-Encoding") != null;
        String contentType = ctx.header("Content-Type");
        if (hasBody && contentType != null && !isJson(contentType)) {
            throw new ApiError(
                    415,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "Request bodies must be application/json",
                    Map.of("contentType", truncate(contentType)));
        }
    }

    /**
     * Parses the body into {@code type}. A missing or empty body is refused: every route that
     * takes a body needs at least {@code {}}.
     */
    public <T> T read(Context ctx, Class<T> type) {
        checkEnvelope(ctx);
        byte[] body = readLimited(ctx);
        if (body.length == 0) {
            throw ApiError.invalid("A JSON request body is required", Map.of());
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiError.invalid("The request body must be a JSON object", Map.of());
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiError.invalidField(path(e), "Unknown field '" + path(e) + "'");
        } catch (InvalidFormatException e) {
            throw ApiError.invalidField(path(e), "Field '" + path(e) + "' has an invalid value");
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw field.isEmpty()
                    ? ApiError.invalid("The request body must be a JSON object", Map.of())
                    : ApiError.invalidField(field, "Field '" + field + "' has the wrong type");
        } catch (InputCoercionException e) {
            throw outOfRange(
                    e.getProcessor() == null ? "" : path(e.getProcessor().getParsingContext()));
        } catch (StreamReadException e) {
            throw ApiError.invalid("The request body is not valid JSON", Map.of());
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputCoercionException) {
                throw outOfRange(path(e));
            }
            throw ApiError.invalid("The request body is invalid", Map.of());
        } catch (DatabindException e) {
            throw ApiError.invalid("The request body is invalid", Map.of());
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("The request body is not valid JSON", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body's bytes exactly as sent, for a route that must see them unparsed (a webhook whose
     * signature covers them). Size and content type are checked as for every body; an empty body
     * is returned empty.
     */
    public byte[] readRaw(Context ctx) {
        checkEnvelope(ctx);
        return readLimited(ctx);
    }

    /** The route's {@link BodyLimit}, else {@link #MAX_BODY_BYTES}. */
    private static int maxBytes(Context ctx) {
        return ctx.routeRoles().stream()
                .filter(BodyLimit.class::isInstance)
                .mapToInt(role -> ((BodyLimit) role).maxBytes())
                .max()
                .orElse(MAX_BODY_BYTES);
    }

    private static byte[] readLimited(Context ctx) {
        int max = maxBytes(ctx);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw tooLarge(max);
            }
            return body;
        } catch (IOException e) {
            throw ApiError.invalid("The request body could not be read", Map.of());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** A number too large for its field's type: a 400 naming the field, like every value out of range. */
    private static ApiError outOfRange(String field) {
        return field.isEmpty()
                ? ApiError.invalid("A number in the request body is out of range", Map.of())
                : ApiError.invalidField(field, "Field '" + field + "' is out of range");
    }

    private static String path(JsonStreamContext context) {
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            steps.add(0, at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.getCurrentName());
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            if (step != null) {
                path.append(path.length() > 0 && !step.startsWith("[") ? "." : "")
                        .append(step);
            }
        }
        return path.toString();
    }

    private static boolean isJson(String contentType) {
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    private static String truncate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100);
    }

    private static ApiError tooLarge(int maxBytes) {
        return new ApiError(
                413,
                "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + maxBytes + " bytes",
                Map.of("maxBytes", "" + maxBytes));
    }
}
