package dev.harbor.app.cli;

import dev.harbor.persistence.DatabaseWarmUp;
import java.util.List;
import java.util.Locale;

/**
 * Prepares, on a thread of its own, what the later steps of the start will need, while the first
 * ones (the database, its schema) run on the main thread: the SQLite driver's settings, JDBI and
 * its SQL parsing ({@code DatabaseWarmUp}), the classes of the HTTP stack and of JSON, and the JVM's
 * list of locales (Jetty's {@code MimeTypes} reads it as it is initialised: some 7 % of the main
 * thread's start-up time in a profile). It changes no state
 * of the gateway: class initialisation is thread-safe and happens once whoever comes first, so the
 * main thread at worst waits for an initialisation this thread has begun. (The idea of Spring
 * Boot's {@code BackgroundPreinitializer}.)
 */
final class StartupWarmUp {

    /** In the order the start needs them after the database: metrics, JSON, HTTP. */
    private static final List<String> CLASSES = List.of(
            "io.micrometer.prometheusmetrics.PrometheusMeterRegistry",
            "com.fasterxml.jackson.databind.json.JsonMapper",
            "com.fasterxml.jackson.databind.ser.BeanSerializerFactory",
            "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
            "io.javalin.Javalin",
            "io.javalin.jetty.JettyServer",
            "org.eclipse.jetty.http.MimeTypes",
            "org.eclipse.jetty.server.Server",
            "org.eclipse.jetty.server.ServerConnector",
            "org.eclipse.jetty.util.thread.QueuedThreadPool",
            "org.eclipse.jetty.util.BlockingArrayQueue",
            "org.eclipse.jetty.ee10.servlet.ServletContextHandler");

    private StartupWarmUp() {}

    /** Starts the warm-up; the thread is a daemon and ends by itself. */
    static void begin() {
        Thread thread = new Thread(StartupWarmUp::run, "harbor-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    private static void run() {
        ClassLoader loader = StartupWarmUp.class.getClassLoader();
        DatabaseWarmUp.run();
        Locale.getAvailableLocales();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError absent) {
                // A library that is not there (or not this version) is simply not warmed up.
            }
        }
    }
}
