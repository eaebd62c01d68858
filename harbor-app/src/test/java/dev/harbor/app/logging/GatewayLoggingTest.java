package dev.harbor.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.harbor.application.port.LogEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class GatewayLoggingTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void the_gateways_lines_are_kept_for_system_logs_and_the_libraries_only_from_warnings_on() {
        ExecutionStatus status = configure();

        context.getLogger("dev.harbor.app.Example").info("a door opened");
        context.getLogger("org.eclipse.jetty.server.Server").info("jetty chatter");
        context.getLogger("org.eclipse.jetty.server.Server").warn("jetty warning");
        context.getLogger("com.zaxxer.hikari.pool.HikariPool").info("pool chatter");
        context.getLogger("dev.harbor.app.Example").debug("not at INFO");

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        List<String> kept =
                memory().recent(null, 100, null).stream().map(LogEntry::message).toList();
        assertThat(kept).containsExactlyInAnyOrder("a door opened", "jetty warning");
    }

    @Test
    void the_console_writes_one_text_line_with_time_offset_level_thread_logger_and_message() {
        configure();
        Logger logger = context.getLogger("dev.harbor.application.locker.DoorSensing");
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(), logger, Level.INFO, "Controller {} answers", null, new Object[] {2});
        event.setThreadName("harbor-board-polls");

        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogFormats.CONSOLE_APPENDER);
        String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);

        assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  "
                        + "\\[harbor-board-polls\\] d\\.h\\.application\\.locker\\.DoorSensing - Controller 2 answers"
                        + System.lineSeparator());
    }

    @Test
    void a_logging_set_up_beside_the_one_in_use_does_not_take_the_system_logs_over() {
        configure();
        String marker = "kept for GET /system/logs " + System.nanoTime();

        LoggerFactory.getLogger(GatewayLoggingTest.class).info(marker);

        assertThat(MemoryLogBook.installed().recent(null, 100, null))
                .extracting(LogEntry::message)
                .contains(marker);
    }

    @Test
    void an_operators_own_logback_file_is_left_to_logback() {
        String before = System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
        System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, "/etc/harbor/logback.xml");
        try {
            assertThat(configure()).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders())
                    .as("no appender of ours beside the operator's")
                    .isExhausted();
        } finally {
            if (before == null) {
                System.clearProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
            } else {
                System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, before);
            }
        }
    }

    private ExecutionStatus configure() {
        GatewayLogging logging = new GatewayLogging();
        logging.setContext(context);
        return logging.configure(context);
    }

    private MemoryLogBook memory() {
        return (MemoryLogBook) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MEMORY");
    }
}
