package dev.harbor.persistence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What Flyway logs while it is open, INFO and above: Flyway reports every run (at least "Successfully
 * validated …"), so an empty log means that Flyway was not run. The module's tests run one at a time.
 */
final class FlywayLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("org.flywaydb");
    private final Level level = logger.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private FlywayLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
    }

    static FlywayLog capture() {
        return new FlywayLog();
    }

    List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(level);
        appender.stop();
    }
}
