package dev.harbor.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.diagnostics.ReportErrors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * {@link RequestIds} in a real Jetty whose few pool threads serve many requests in turn: what the
 * MDC holds on a pool thread before a request is handed to it, while it is handled, and after.
 */
class RequestIdsTest {

    private final List<String> before = new CopyOnWriteArrayList<>();
    private final List<String> during = new CopyOnWriteArrayList<>();
    private final List<String> after = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setReservedThreads(0);
        server = new Server(threads);
        // As HttpApi does: the answer to a failed handler is written by this error handler.
        server.setErrorHandler(
                new JsonJettyErrorHandler(new ErrorHandling(Json.mapper(), Clock.systemUTC(), ReportErrors.OFF)));
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        RequestIds ids = new RequestIds();
        ids.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                during.add(String.valueOf(MDC.get(RequestIds.MDC_KEY)));
                if (request.getHttpURI().getPath().equals("/fail")) {
                    throw new IllegalStateException("a handler that fails");
                }
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        });
        server.setHandler(new Handler.Wrapper(ids) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                before.add(String.valueOf(MDC.get(RequestIds.MDC_KEY)));
                try {
                    return super.handle(request, response, callback);
                } finally {
                    after.add(String.valueOf(MDC.get(RequestIds.MDC_KEY)));
                }
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void the_mdc_holds_the_id_only_while_its_request_is_handled_even_when_the_handler_fails() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + (i % 2 == 0 ? "/ok" : "/fail")))
                            .header("X-Request-Id", "request-" + i)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(i % 2 == 0 ? 200 : 500);
            assertThat(answer.headers().firstValue("X-Request-Id")).contains("request-" + i);
        }

        assertThat(during).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(during.get(i)).isEqualTo("request-" + i);
        }
        assertThat(before).hasSize(20).containsOnly("null");
        assertThat(after).hasSize(20).containsOnly("null");
    }
}
