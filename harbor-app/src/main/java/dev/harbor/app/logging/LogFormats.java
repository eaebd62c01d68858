package dev.harbor.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@code HARBOR_LOG_FORMAT} to the console appender of the runnable jar's logging ({@link GatewayLogging}). */
public final class LogFormats {

    /** The appender of the runnable jar's logging ({@link GatewayLogging}) that writes to standard output. */
    static final String CONSOLE_APPENDER = "CONSOLE";

    private LogFormats() {}

    /**
     * Switches the console to {@code format}. Text is what the runnable jar's logging already writes; a
     * Logback configured otherwise (an operator's own {@code logback.configurationFile}) is left
     * as it is. Call it before the first line is logged, so every line has the same format.
     */
    public static void apply(LogFormat format) {
        if (format == LogFormat.TEXT
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
                || !(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE_APPENDER)
                        instanceof OutputStreamAppender<ILoggingEvent> console)) {
            return;
        }
        LogstashEncoder json = jsonEncoder();
        json.setContext(context);
        json.start();
        console.stop();
        console.setEncoder(json);
        console.start();
    }

    private static LogstashEncoder jsonEncoder() {
        LogstashEncoder json = new LogstashEncoder();
        json.setTimeZone("UTC");
        json.setTimestampPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
        // Logback's context properties are the same on every line: they would only add noise.
        json.setIncludeContext(false);
        LogstashFieldNames names = json.getFieldNames();
        names.setTimestamp("timestamp");
        names.setLogger("logger");
        names.setThread("thread");
        names.setStackTrace("error");
        names.setVersion(LogstashFieldNames.IGNORE_FIELD_INDICATOR);
        names.setLevelValue(LogstashFieldNames.IGNORE_FIELD_INDICATOR);
        return json;
    }
}
