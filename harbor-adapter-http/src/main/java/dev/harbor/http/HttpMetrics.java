package dev.harbor.http;

/**
 * The monitoring side of the HTTP API: what {@code GET /metrics} serves, and where every answered
 * request is reported. Given to {@link HttpApi.Builder#metrics(HttpMetrics)}; without one there is
 * no {@code /metrics} route and nothing is measured.
 */
public interface HttpMetrics {

    /** The Prometheus text exposition format, version 0.0.4. */
    String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The route's label for a request no route matched (an unknown path): never the raw path. */
    String UNMATCHED = "unmatched";

    /** Every meter in the Prometheus text format (version 0.0.4), read now. */
    String scrape();

    /**
     * One answered request. Called on the request's thread after the answer: must not block.
     *
     * @param method the HTTP method, {@code OTHER} for one the API does not use
     * @param route  the route's template ({@code /lockers/{lockerId}}), or {@link #UNMATCHED}
     * @param nanos  from the request's arrival to its answer
     */
    void served(String method, String route, int status, long nanos);
}
