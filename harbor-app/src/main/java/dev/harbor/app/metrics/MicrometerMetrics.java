package dev.harbor.app.metrics;

import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.locker.LockerFilter;
import dev.harbor.application.locker.LockerView;
import dev.harbor.application.locker.QueryLockers;
import dev.harbor.application.port.GatewayMetrics;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.http.HttpMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's meters in one Prometheus registry: what the use cases report ({@link
 * GatewayMetrics}), every HTTP request ({@link HttpMetrics}), the JVM and the process, and gauges of
 * the lockers and controllers read from the query use cases at each scrape.
 *
 * <p>Every label value comes from a small fixed set (a method, a route template, a status, a
 * protocol, an outcome, a state): never a transaction id, a card id, a user name or a path.
 */
public final class MicrometerMetrics implements GatewayMetrics, HttpMetrics, AutoCloseable {

    /**
     * Fixed buckets rather than Micrometer's percentile histogram (some 70 buckets a series): a
     * gateway has dozens of routes, and a small computer serves the scrape.
     */
    private static final Duration[] REQUEST_BUCKETS =
            durations(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000);

    /** A door open takes a bus round trip at best, three attempts of up to 20 s at worst. */
    private static final Duration[] OPEN_BUCKETS =
            durations(50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 20_000, 40_000, 60_000);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<RequestSeries, Timer> requestTimers = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private volatile boolean jvmMetersBound;
    private final Counter polls;
    private final Counter failedPolls;
    private final Counter created;
    private final Counter released;
    private final AtomicReference<Readings> readings = new AtomicReference<>(Readings.NONE);
    private volatile QueryLockers lockers;
    private volatile ManageControllers controllers;

    public MicrometerMetrics() {
        // From the start, so that no collection goes uncounted; the other JVM meters at the first scrape.
        gc.bindTo(registry);
        polls = Counter.builder("harbor.board.polls")
                .description("Status polls of the lock boards, answered or not")
                .register(registry);
        failedPolls = Counter.builder("harbor.board.poll.failures")
                .description("Status polls a lock board did not answer")
                .register(registry);
        // One name with an event label: Prometheus reserves the suffix _created for a counter's start time.
        created = Counter.builder("harbor.transactions")
                .description("Transactions created (an idempotent repeat does not count) and released")
                .tag("event", "created")
                .register(registry);
        released = Counter.builder("harbor.transactions")
                .description("Transactions created (an idempotent repeat does not count) and released")
                .tag("event", "released")
                .register(registry);
        for (DeviceState state : DeviceState.values()) {
            Gauge.builder("harbor.lockers", readings, r -> r.get().byState().getOrDefault(state, 0L))
                    .description("Lockers by state, as the API shows it")
                    .tag("state", state.name())
                    .register(registry);
        }
        Gauge.builder("harbor.lockers.available", readings, r -> r.get().available())
                .description("Lockers free for a new transaction")
                .register(registry);
        Gauge.builder("harbor.controllers", readings, r -> r.get().controllers())
                .description("Controllers (lock boards and remote locations)")
                .register(registry);
        Gauge.builder("harbor.controllers.online", readings, r -> r.get().controllersOnline())
                .description("Controllers that answer")
                .register(registry);
    }

    /** The registry, for other binders (the database pools, the Bikeep client). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Where the locker and controller gauges are read from at each scrape. */
    public void readFrom(QueryLockers lockers, ManageControllers controllers) {
        this.lockers = Objects.requireNonNull(lockers, "lockers");
        this.controllers = Objects.requireNonNull(controllers, "controllers");
    }

    @Override
    public String scrape() {
        bindJvmMetersOnce();
        refreshReadings();
        return registry.scrape();
    }

    /**
     * The JVM's own meters read the JVM's management beans when they are bound, which took a
     * noticeable part of the main thread's start; bound at the first scrape instead, nobody waits
     * for them (they read the JVM's state at each scrape, so they miss nothing by starting late).
     */
    private void bindJvmMetersOnce() {
        if (jvmMetersBound) {
            return;
        }
        synchronized (this) {
            if (!jvmMetersBound) {
                new ClassLoaderMetrics().bindTo(registry);
                new JvmMemoryMetrics().bindTo(registry);
                new JvmThreadMetrics().bindTo(registry);
                new ProcessorMetrics().bindTo(registry);
                new UptimeMetrics().bindTo(registry);
                new FileDescriptorMetrics().bindTo(registry);
                jvmMetersBound = true;
            }
        }
    }

    private void refreshReadings() {
        QueryLockers lockerQuery = lockers;
        ManageControllers controllerQuery = controllers;
        if (lockerQuery == null || controllerQuery == null) {
            return;
        }
        Map<DeviceState, Long> byState = new EnumMap<>(DeviceState.class);
        long available = 0;
        List<LockerView> all = lockerQuery.list(LockerFilter.NONE);
        for (LockerView locker : all) {
            byState.merge(locker.state(), 1L, Long::sum);
            if (locker.available()) {
                available++;
            }
        }
        var views = controllerQuery.list();
        long online = views.stream().filter(view -> view.runtime().online()).count();
        readings.set(new Readings(Map.copyOf(byState), available, views.size(), online));
    }

    @Override
    public void served(String method, String route, int status, long nanos) {
        RequestSeries series = new RequestSeries(method, route, status);
        Timer timer = requestTimers.get(series);
        if (timer == null) {
            timer = requestTimers.computeIfAbsent(series, this::requestTimer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * One series of {@code http.server.requests}. Its timer is looked up here rather than built and
     * registered with the registry again for every request, which showed in profiles of a cached
     * read. The routes are templates and the methods a fixed set, so there are few.
     */
    private record RequestSeries(String method, String route, int status) {}

    private Timer requestTimer(RequestSeries series) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status", Integer.toString(series.status()))
                .serviceLevelObjectives(REQUEST_BUCKETS)
                .register(registry);
    }

    @Override
    public void doorOpened(Protocol protocol, OpenOutcome outcome, int attempts, long nanos) {
        String protocolName = protocol == null ? "unknown" : protocol.id();
        String outcomeName = outcome.name().toLowerCase(Locale.ROOT);
        Timer.builder("harbor.door.opens")
                .description("Door opens of own boards by outcome and protocol, all attempts included")
                .tag("outcome", outcomeName)
                .tag("protocol", protocolName)
                .serviceLevelObjectives(OPEN_BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        DistributionSummary.builder("harbor.door.open.attempts")
                .description("Attempts per door open")
                .tag("protocol", protocolName)
                .serviceLevelObjectives(1, 2, 3, 5, 10)
                .register(registry)
                .record(attempts);
    }

    @Override
    public void boardPolled(boolean answered) {
        polls.increment();
        if (!answered) {
            failedPolls.increment();
        }
    }

    @Override
    public void transactionCreated() {
        created.increment();
    }

    @Override
    public void transactionReleased() {
        released.increment();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private static Duration[] durations(long... millis) {
        Duration[] durations = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            durations[i] = Duration.ofMillis(millis[i]);
        }
        return durations;
    }

    private record Readings(Map<DeviceState, Long> byState, long available, long controllers, long controllersOnline) {
        static final Readings NONE = new Readings(Map.of(), 0, 0, 0);
    }
}
