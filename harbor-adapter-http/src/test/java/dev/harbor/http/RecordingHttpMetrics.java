package dev.harbor.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Serves a fixed scrape and remembers every request it was told of. */
final class RecordingHttpMetrics implements HttpMetrics {

    static final String SCRAPE =
            "# HELP harbor_test_total A test counter\n# TYPE harbor_test_total counter\nharbor_test_total 1.0\n";

    record Served(String method, String route, int status, long nanos) {}

    final List<Served> served = new CopyOnWriteArrayList<>();

    @Override
    public String scrape() {
        return SCRAPE;
    }

    @Override
    public void served(String method, String route, int status, long nanos) {
        served.add(new Served(method, route, status, nanos));
    }
}
