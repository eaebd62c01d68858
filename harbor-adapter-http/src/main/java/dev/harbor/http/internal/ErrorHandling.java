package dev.harbor.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.application.diagnostics.ReportErrors;
import dev.harbor.domain.rule.InvalidValueException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns everything that can go wrong in a request into the contract's {@code Error} body:
 * our own {@link ApiError}s, a value the domain refused ({@link InvalidValueException}, the one
 * place it becomes a 400), Javalin's HTTP exceptions (unknown route, 405, 413 …), JSON errors
 * that escaped, and finally any other exception as a 500 with no stack trace.
 *
 * <p>No {@code error(status)} handlers are registered on purpose: they would overwrite bodies
 * the exception handlers already wrote.
 */
public final class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private final ObjectMapper mapper;
    private final Clock clock;
    private final ReportErrors reporter;

    public ErrorHandling(ObjectMapper mapper, Clock clock, ReportErrors reporter) {
        this.mapper = mapper;
        this.clock = clock;
        this.reporter = reporter;
    }

    public void register(JavalinConfig config) {
        config.routes.exception(ApiError.class, (e, ctx) -> write(ctx, e));
        config.routes.exception(InvalidValueException.class, (e, ctx) -> write(ctx, invalidValue(e)));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
        config.routes.exception(
                ValidationException.class,
                (e, ctx) -> write(ctx, ApiError.invalid("The request is invalid", Map.of())));
        config.routes.exception(
                JsonProcessingException.class,
                (e, ctx) -> write(ctx, ApiError.invalid("The request body is not valid JSON", Map.of())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            // Only the method and path: headers may carry credentials, bodies may carry anything.
            LOG.error("Unexpected error answering {} {}", ctx.method(), ctx.path(), e);
            reporter.reportUnexpected(e, ctx.method() + " " + ctx.path());
            write(ctx, internalError());
        });
        config.router.javaLangErrorHandler((response, error) -> {
            LOG.error("Unexpected error answering a request", error);
            reporter.reportUnexpected(error, "HTTP request");
            try {
                response.setStatus(500);
                response.setContentType(JsonResponses.CONTENT_TYPE);
                response.getOutputStream().write(bytes(internalError()));
            } catch (Exception writeFailure) {
                LOG.debug("Could not write the error response", writeFailure);
            }
        });
    }

    /**
     * 400 {@code INVALID_REQUEST} naming the field, for every rule of the domain and the commands.
     * When several values of one request were refused (three bad card ids), {@code details} also maps
     * each one's path to its problem ({@code "cards[2].cardId": "RFID card id …"}), so the caller
     * can fix them all at once.
     */
    static ApiError invalidValue(InvalidValueException e) {
        List<InvalidValueException.Problem> problems = e.problems();
        boolean summary = problems.size() > 1 || !problems.get(0).message().equals(e.getMessage());
        if (!summary) {
            return ApiError.invalidField(e.field(), sentence(e.getMessage(), e.field()));
        }
        Map<String, String> details = new TreeMap<>();
        problems.forEach(problem -> details.put(problem.field(), sentence(problem.message(), problem.field())));
        details.put("field", e.field());
        return ApiError.invalid(sentence(e.getMessage(), e.field()), details);
    }

    /**
     * The domain writes its messages in lower case so they compose into other sentences (the
     * layout file's "controllers[1]: board address 40 is out of range …"); an API message starts
     * as a sentence. A message that starts with a field's name ({@code maxAttempts must be …},
     * {@code name must be …}) keeps the API's spelling of it.
     */
    static String sentence(String message, String field) {
        String firstWord = message.split(" ", 2)[0];
        boolean plainWord = !firstWord.isEmpty() && firstWord.chars().allMatch(Character::isLowerCase);
        if (!plainWord || message.startsWith(field)) {
            return message;
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    public static ApiError internalError() {
        return new ApiError(500, "INTERNAL_ERROR", "An unexpected error occurred", Map.of());
    }

    /** The error body for a status that Jetty or Javalin produced without our help. */
    public static ApiError forStatus(int status, String message, Map<String, String> details) {
        String code = switch (status) {
            case 400 -> "INVALID_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
            default -> status >= 500 ? "INTERNAL_ERROR" : "INVALID_REQUEST";
        };
        int answered = status >= 400 && status < 600 ? status : 500;
        String text = message == null || message.isBlank() ? defaultMessage(answered) : message;
        // Javalin or Jetty answering 401 by itself can only mean the admin credentials.
        return answered == 401 ? ApiError.credentialsRequired(text) : new ApiError(answered, code, text, details);
    }

    private static ApiError fromJavalin(HttpResponseException e) {
        Map<String, String> details = new TreeMap<>();
        e.getDetails().forEach((k, v) -> details.put(String.valueOf(k), String.valueOf(v)));
        String message = switch (e.getStatus()) {
            case 404 -> "No such route";
            case 405 -> "Method not allowed on this route";
            case 413 -> "The request body is larger than " + RequestBodies.MAX_BODY_BYTES + " bytes";
            default -> e.getStatus() >= 500 ? null : e.getMessage();
        };
        return forStatus(e.getStatus(), message, details);
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "The request is invalid";
            case 401 -> "Admin credentials required";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported media type";
            case 505 -> "Only HTTP/1.0 and HTTP/1.1 are supported";
            default -> status >= 500 ? "An unexpected error occurred" : "The request is invalid";
        };
    }

    public void write(Context ctx, ApiError error) {
        if (error.asksForCredentials()) {
            ctx.header("WWW-Authenticate", "Basic realm=\"harbor\"");
        }
        if (error.status() == 429 && error.details().containsKey(AdminGuard.RETRY_AFTER_DETAIL)) {
            ctx.header("Retry-After", error.details().get(AdminGuard.RETRY_AFTER_DETAIL));
        }
        if (error.status() == 405 && error.details().containsKey("availableMethods")) {
            ctx.header("Allow", error.details().get("availableMethods"));
        }
        JsonResponses.write(ctx, error.status(), bytes(error));
    }

    public byte[] bytes(ApiError error) {
        ErrorBody body = new ErrorBody(error.code(), error.getMessage(), clock.instant(), error.details());
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }
}
