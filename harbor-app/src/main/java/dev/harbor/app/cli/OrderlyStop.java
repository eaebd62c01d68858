package dev.harbor.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM is how a supervisor (systemd, Docker, Kubernetes) asks the gateway to stop, and the
 * stop is orderly, so it must end with status 0, not 143. A shutdown hook cannot change the status
 * of a death by signal, so SIGTERM is handled: the handler calls {@code System.exit(0)}, which runs
 * the shutdown hooks as before (the gateway's orderly close among them) and waits for them to
 * finish. {@code Runtime.halt} from a hook was not used: it would also turn an exit with a failure
 * status into 0 and cut short the other hooks.
 */
final class OrderlyStop {

    private static final Logger log = LoggerFactory.getLogger(OrderlyStop.class);

    private OrderlyStop() {}

    /** @return whether SIGTERM is now handled (not when the JVM runs with {@code -Xrs} or cannot handle it) */
    // sun.misc.Signal is in jdk.unsupported, kept available on purpose for this use (JEP 260); javac warns anyway.
    static boolean onSigtermExitZero() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> {
                log.info("SIGTERM: stopping");
                System.exit(ExitStatus.OK);
            });
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            log.debug("SIGTERM cannot be handled here; it will end the gateway with status 143", e);
            return false;
        }
    }
}
