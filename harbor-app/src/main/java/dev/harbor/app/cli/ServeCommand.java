package dev.harbor.app.cli;

import dev.harbor.app.HarborServer;
import dev.harbor.app.Version;
import dev.harbor.app.config.HarborConfig;
import dev.harbor.app.logging.LogFormats;
import dev.harbor.app.logging.LogLevels;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Starts the gateway and leaves it running: it ends by SIGTERM (status 0) or a reboot. Checks
 * come first (configuration, layout, port, data directory), so a mistake creates nothing; a start
 * that fails prints one line saying what and what to do and returns its {@link ExitStatus}.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = HarborCommand.VersionProvider.class,
        description = {
            "Starts the gateway (what the jar does without a command), configured by HARBOR_* environment"
                    + " variables and the file HARBOR_CONFIG_FILE names. Runs until stopped."
        })
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final Map<String, String> environment;
    private final boolean ownsProcess;

    @Spec
    CommandSpec spec;

    /**
     * @param ownsProcess whether this is the process's own command line: only then does it handle
     *                    SIGTERM and add the shutdown hook (a test running it in its JVM must not)
     */
    ServeCommand(Map<String, String> environment, boolean ownsProcess) {
        this.environment = environment;
        this.ownsProcess = ownsProcess;
    }

    @Override
    public Integer call() {
        return serve(spec.commandLine().getErr());
    }

    int serve(PrintWriter err) {
        SetupCheck.Result checked = SetupCheck.of(environment);
        // Before the first line is logged, so HARBOR_LOG_FORMAT and HARBOR_LOG_LEVEL hold from the
        // start, also for the warnings of a configuration that stops the start.
        LogFormats.apply(checked.logFormat());
        if (checked instanceof SetupCheck.Valid valid) {
            LogLevels.applyRootLevel(valid.config().logLevel());
        }
        checked.warnings().forEach(log::warn);
        if (checked instanceof SetupCheck.Invalid invalid) {
            err.println(invalid.message());
            err.flush();
            return ExitStatus.INVALID_SETUP;
        }
        HarborConfig config = ((SetupCheck.Valid) checked).config();
        log.info("Starting with {}", config);
        AtomicReference<HarborServer> running = new AtomicReference<>();
        if (ownsProcess) {
            // Only a process of its own: in a test's JVM the classes are long initialised.
            StartupWarmUp.begin();
            // Javalin registers no shutdown hook. Ours is in place before anything starts, so a
            // SIGTERM that arrives right after the first answer still gets the orderly stop.
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                HarborServer server = running.getAndSet(null);
                                if (server != null) {
                                    server.close();
                                }
                            },
                            "harbor-shutdown"));
            OrderlyStop.onSigtermExitZero();
        }
        try {
            Preflight.check(config);
            HarborServer server = HarborServer.start(config);
            running.set(server);
            // Process supervisors and tests wait for this line: it comes only once a SIGTERM is safe.
            log.info(
                    "Harbor {} listening on {}:{} ({} storage, {} lockers)",
                    Version.current(),
                    config.httpHost(),
                    server.port(),
                    server.harbor().stores().storageName(),
                    server.harbor().stores().lockers().findAll().size());
            return ExitStatus.OK;
        } catch (RuntimeException e) {
            StartupFailure failure = StartupFailure.of(e, config);
            log.debug("The start failed", e);
            err.println(failure.message());
            err.flush();
            return failure.exitStatus();
        }
    }
}
