package dev.harbor.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes JSON answers with the contract's content type. */
public final class JsonResponses {

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

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

    public void noContent(Context ctx) {
        ctx.status(204);
    }

    static void write(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(body);
    }
}
