package dev.harbor.benchmarks.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The floor under the gateway's locker reads: a bare Javalin app that answers {@code GET
 * /lockers/{id}} and {@code GET /lockers} with bytes the gateway answered a moment before,
 * precomputed, with the same status and headers. No use case, no cache, no JSON: what is left is
 * Jetty, Javalin's routing and the socket, so the gateway's rate divided by this one is the share
 * of the framework's ceiling Harbor reaches. A request whose {@code If-None-Match} names the
 * answer's {@code ETag} gets a 304, as a gateway that sends ETags answers a poller that saw no
 * change. Not a test: {@code harbor-benchmarks/run-http-floors.sh} runs it with the gateway's
 * JVM options, from the gateway's jar, so Javalin and Jetty are the very same versions.
 *
 * <p>System properties: {@code bench.dir} (required: {@code lockers-1.headers},
 * {@code lockers-1.body}, {@code lockers.headers}, {@code lockers.body}, as {@code curl -D
 * headers -o body} wrote them), {@code bench.port} (0: any free port). Prints {@code floor
 * listening on 127.0.0.1:PORT} once it serves, and stops on SIGTERM.
 */
public final class BareJavalinFloor {

    /** Headers Jetty writes itself for every answer; copying them would send them twice. */
    private static final Set<String> JETTY_OWN_HEADERS =
            Set.of("date", "content-length", "transfer-encoding", "connection", "server", "content-type");

    private BareJavalinFloor() {}

    /** One precomputed answer: the body and the headers to send with it. */
    record Answer(byte[] body, String contentType, List<String[]> headers, String etag) {

        static Answer read(Path dir, String name) throws IOException {
            byte[] body = Files.readAllBytes(dir.resolve(name + ".body"));
            List<String> lines = Files.readAllLines(dir.resolve(name + ".headers"), StandardCharsets.ISO_8859_1);
            if (lines.isEmpty() || !lines.get(0).matches("HTTP/\\S+ 200.*")) {
                throw new IllegalArgumentException(name + ".headers: not a 200 answer: " + lines);
            }
            String contentType = null;
            String etag = null;
            List<String[]> headers = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String header = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.equals("content-type")) {
                    contentType = value;
                } else if (lower.equals("etag")) {
                    etag = value;
                }
                if (!JETTY_OWN_HEADERS.contains(lower)) {
                    headers.add(new String[] {header, value});
                }
            }
            return new Answer(body, contentType, List.copyOf(headers), etag);
        }

        void serve(Context ctx) {
            headers.forEach(h -> ctx.header(h[0], h[1]));
            if (etag != null && etag.equals(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
            if (contentType != null) {
                ctx.contentType(contentType);
            }
            ctx.status(200).result(body);
        }
    }

    public static void main(String[] args) throws IOException {
        String dirProperty = System.getProperty("bench.dir");
        if (dirProperty == null) {
            System.err.println("usage: java -Dbench.dir=DIR [-Dbench.port=0] " + BareJavalinFloor.class.getName());
            System.exit(2);
        }
        Path dir = Path.of(dirProperty);
        Answer one = Answer.read(dir, "lockers-1");
        Answer all = Answer.read(dir, "lockers");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // The id is routed like the gateway's path parameter, then ignored: every locker is locker 1.
            config.routes.get("/lockers/{id}", one::serve);
            config.routes.get("/lockers", all::serve);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        app.start("127.0.0.1", Integer.getInteger("bench.port", 0));
        System.out.printf(
                "floor listening on 127.0.0.1:%d (GET /lockers/{id}: %d bytes, GET /lockers: %d bytes)%n",
                app.port(), one.body().length, all.body().length);
    }
}
