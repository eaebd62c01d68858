package dev.harbor.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.function.Function;

/** Writes JSON answers with the contract's content type. */
public final class JsonResponses {

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /** Below this size gzip saves less than it costs (Javalin's own threshold). */
    static final int GZIP_FROM = 1500;

    private final ObjectMapper mapper;

    public JsonResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void json(Context ctx, int status, Object body) {
        try {
            write(ctx, status, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    public void ok(Context ctx, Object body) {
        json(ctx, 200, body);
    }

    /**
     * Answers a kept answer: 200 with its bytes, or 304 Not Modified without a body when the
     * request's {@code If-None-Match} names it. Both carry its {@code ETag}, and {@code
     * Cache-Control: no-cache} so that no cache on the way (a kiosk's browser) shows it again
     * without asking: a locker taken since must never look free.
     *
     * <p>The gzip coding is chosen here, not by Javalin, because the tag must name the coded
     * bytes: a client that accepts gzip gets the kept gzip bytes under the gzip tag.
     */
    public void tagged(Context ctx, TaggedJson answer) {
        TaggedJson sent = answer.body().length >= GZIP_FROM && AcceptEncoding.takesGzip(ctx.header("Accept-Encoding"))
                ? answer.gzipped()
                : answer;
        ctx.disableCompression();
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("ETag", sent.etag());
        ctx.header("Cache-Control", "no-cache");
        if (IfNoneMatch.matches(Collections.list(ctx.req().getHeaders("If-None-Match")), sent.etag())) {
            ctx.status(304);
            return;
        }
        if (sent != answer) {
            ctx.header("Content-Encoding", "gzip");
        }
        write(ctx, 200, sent.body());
    }

    /**
     * Answers kept by key, written by this mapper.
     *
     * @param body    the web model of a value
     * @param maxKeys how many keys are kept at most
     */
    public <K, V> KeptAnswers<K, V> kept(Function<V, ?> body, int maxKeys) {
        return new KeptAnswers<>(mapper, body, maxKeys);
    }

    public void noContent(Context ctx) {
        ctx.status(204);
    }

    static void write(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(body);
    }
}
