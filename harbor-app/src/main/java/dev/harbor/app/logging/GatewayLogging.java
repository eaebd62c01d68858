package dev.harbor.app.logging;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * The standalone gateway's logging, set up in code: lines to standard output in the text format
 * (or JSON, {@link LogFormats}), the last lines kept in memory for {@code GET /system/logs}
 * ({@link MemoryLogBook}), and the libraries' chatter held back to warnings. The runnable jar
 * (harbor-server) names this class as Logback's configurator in {@code META-INF/services}; a
 * library user's application is not touched by it.
 *
 * <p>In code rather than in a {@code logback.xml} because reading the XML (Joran and the JDK's XML
 * parser) took some 15 % of the main thread's start-up time. An operator's own file still wins:
 * with {@code -Dlogback.configurationFile=…} this configurator steps aside and Logback reads that
 * file as usual.
 */
public final class GatewayLogging extends ContextAwareBase implements Configurator {

    /** Libraries whose INFO lines say nothing an operator needs (Jetty would even log at DEBUG). */
    static final List<String> QUIET_LIBRARIES =
            List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb", "io.sentry", "javax.jmdns");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        TextLineLayout layout = new TextLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> text = new LayoutWrappingEncoder<>();
        text.setContext(context);
        text.setLayout(layout);
        text.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(LogFormats.CONSOLE_APPENDER);
        console.setEncoder(text);
        console.start();

        MemoryLogBook memory = new MemoryLogBook();
        memory.setContext(context);
        memory.setName("MEMORY");
        memory.start();

        for (String library : QUIET_LIBRARIES) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        root.addAppender(memory);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
