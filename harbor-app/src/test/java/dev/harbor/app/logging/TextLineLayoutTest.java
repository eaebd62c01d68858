package dev.harbor.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextLineLayoutTest {

    /** The pattern of the logback.xml the runnable jar shipped before its logging was set up in code. */
    private static final String SHIPPED_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    private final LoggerContext context = new LoggerContext();

    @Test
    void writes_every_line_as_the_shipped_pattern_did_errors_and_their_causes_included() {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(SHIPPED_PATTERN);
        pattern.start();
        TextLineLayout layout = new TextLineLayout();
        layout.setContext(context);
        layout.start();

        IllegalStateException failure =
                new IllegalStateException("the bus is gone", new java.io.IOException("port closed"));
        List<LoggingEvent> events = List.of(
                event("dev.harbor.app.cli.ServeCommand", Level.INFO, "main", "Starting with {}", null, "x"),
                event(
                        "dev.harbor.application.locker.DoorSensing",
                        Level.WARN,
                        "harbor-board-polls",
                        "Controller {} silent",
                        null,
                        2),
                event("a.b.C", Level.ERROR, "JettyServerThreadPool-34", "Request failed", failure),
                event("org.eclipse.jetty.server.handler.ContextHandler", Level.DEBUG, "t", "m", null),
                event("Short", Level.TRACE, "t", "no arguments at all", null));

        for (LoggingEvent event : events) {
            assertThat(layout.doLayout(event)).isEqualTo(pattern.doLayout(event));
        }
    }

    private LoggingEvent event(
            String logger, Level level, String thread, String message, Throwable error, Object... arguments) {
        Logger named = context.getLogger(logger);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), named, level, message, error, arguments);
        event.setThreadName(thread);
        return event;
    }
}
