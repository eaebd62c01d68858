package dev.harbor.http.internal;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers before a request reaches Javalin (an URI or headers too large, a
 * malformed request line, an illegal character in the path …) get the contract's {@code Error}
 * body instead of Jetty's HTML page, on every method (Jetty writes a body only for GET, POST and
 * HEAD by itself).
 *
 * <p>Each such answer says {@code Connection: close}: Jetty closes the connection after a request
 * it could not parse, and a keep-alive client must know not to send its next request on it.
 */
public final class JsonJettyErrorHandler extends ErrorHandler {

    private final ErrorHandling errors;

    public JsonJettyErrorHandler(ErrorHandling errors) {
        this.errors = errors;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        ApiError error = ErrorHandling.forStatus(code, null, Map.of());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonResponses.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        RequestIds.echo(request, response.getHeaders());
        response.write(true, ByteBuffer.wrap(errors.bytes(error)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ApiError error = ErrorHandling.forStatus(status, null, Map.of());
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JsonResponses.CONTENT_TYPE));
        fields.put(new HttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString()));
        // The request could not even be parsed: it gets a fresh id, as every answer does.
        RequestIds.echo(null, fields);
        return ByteBuffer.wrap(errors.bytes(error));
    }
}
