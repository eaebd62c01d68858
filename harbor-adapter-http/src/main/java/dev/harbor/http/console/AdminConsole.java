package dev.harbor.http.console;

import dev.harbor.http.internal.Access;
import dev.harbor.http.internal.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The admin console (admin-console.md): {@code GET /admin} is the page, {@code GET /admin/{file}}
 * its scripts and styles, all read from the jar beside this class. The page talks only to the
 * documented APIs, so serving it needs no credentials; every call it makes does.
 *
 * <p>Every answer under {@code /admin} carries a strict Content-Security-Policy (scripts and styles
 * from this gateway only, no inline script, no framing), so a value that slipped into the page as
 * markup still could not run.
 */
public final class AdminConsole {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    private static final String RESOURCES = "/dev/harbor/http/console/";
    /** One flat folder of plain names: nothing that could climb out of it. */
    private static final Pattern ASSET_NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}\\.(js|css|svg)");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    public void register(RoutesConfig routes) {
        routes.before("/admin", AdminConsole::secure);
        routes.before("/admin/*", AdminConsole::secure);
        routes.get("/admin", ctx -> serve(ctx, "index.html"), Access.WITHOUT_CLIENT_KEY);
        routes.get(
                "/admin/{file}",
                ctx -> {
                    String file = ctx.pathParam("file");
                    if (!ASSET_NAME.matcher(file).matches()) {
                        throw notFound();
                    }
                    serve(ctx, file);
                },
                Access.WITHOUT_CLIENT_KEY);
    }

    private static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // A gateway update must reach the operator's browser at once: revalidate every time.
        ctx.header("Cache-Control", "no-cache");
    }

    private void serve(Context ctx, String file) {
        byte[] body = cache.computeIfAbsent(file, AdminConsole::read).orElseThrow(AdminConsole::notFound);
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ctx.status(200).contentType(CONTENT_TYPES.get(extension)).result(body);
    }

    private static Optional<byte[]> read(String file) {
        try (InputStream in = AdminConsole.class.getResourceAsStream(RESOURCES + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiError notFound() {
        return ApiError.notFound("NOT_FOUND", "No such file of the admin console", Map.of());
    }
}
