package dev.harbor.http.internal;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Gives every request an id: the client's {@value #HEADER} when it is sane (1-64 characters of
 * {@code A-Z a-z 0-9 . _ : -}), else a new random one. The id is sent back in the same header on
 * every answer, errors included, and is the SLF4J MDC entry {@value #MDC_KEY} while the request is
 * handled, so each log line a request causes can be found by it.
 *
 * <p>A Jetty handler around Javalin rather than a Javalin before-handler: it also sees the
 * requests Javalin never gets (a path Jetty refuses), and its {@code finally} clears the MDC on
 * the pool thread whatever happened, so an id never leaks into the next request on that thread.
 */
public final class RequestIds extends Handler.Wrapper {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String ATTRIBUTE = RequestIds.class.getName();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = accepted(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.getHeaders().put(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            return super.handle(request, response, callback);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The client's id when it is sane, else a new one: a hostile value never reaches a log line. */
    static String accepted(String given) {
        return given != null && SANE.matcher(given).matches() ? given : generated();
    }

    /**
     * 16 hex digits of a random number. An id only ties log lines together and guards nothing, so
     * it comes from the thread's own generator: a shared {@code SecureRandom} made every request
     * queue on its lock.
     */
    static String generated() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /**
     * Puts the request's id on an answer Jetty's error handler writes: the one given to the request,
     * or, when Jetty refused the request before this handler saw it, the client's if sane, else a
     * new one ({@code request} is null when not even the request line could be parsed).
     */
    static void echo(Request request, HttpFields.Mutable headers) {
        Object known = request == null ? null : request.getAttribute(ATTRIBUTE);
        String id = known instanceof String given
                ? given
                : accepted(request == null ? null : request.getHeaders().get(HEADER));
        headers.put(HEADER, id);
    }
}
