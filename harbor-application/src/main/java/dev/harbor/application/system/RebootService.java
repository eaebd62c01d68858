package dev.harbor.application.system;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.HostSystem;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RebootGateway}: audits the request, then on a thread of its own waits {@code delay} (so
 * the answer leaves first), runs the orderly shutdown given at construction, and only then asks
 * the host to reboot. The thread is not a daemon: the process stays alive until the command ran.
 */
final class RebootService implements RebootGateway {

    private static final Logger log = LoggerFactory.getLogger(RebootService.class);

    private final HostSystem host;
    private final Auditor auditor;
    private final Runnable shutdown;
    private final Duration delay;
    private final AtomicBoolean pending = new AtomicBoolean();

    /**
     * @param shutdown the gateway's orderly close (HTTP, then boards, then database)
     * @param delay    the pause before {@code shutdown}, long enough for the HTTP answer to leave
     */
    RebootService(HostSystem host, Auditor auditor, Runnable shutdown, Duration delay) {
        this.host = Objects.requireNonNull(host, "host");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.shutdown = Objects.requireNonNull(shutdown, "shutdown");
        this.delay = Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    @Override
    public RebootResult reboot(Actor actor) {
        if (!host.canReboot()) {
            return new RebootResult.Disabled();
        }
        if (!pending.compareAndSet(false, true)) {
            return new RebootResult.Scheduled(delay);
        }
        // Written before the shutdown closes the database: the entry survives the reboot.
        auditor.record(actor, "system.reboot", "gateway", "OK", "shutting down in " + delay.toMillis() + " ms");
        Thread thread = new Thread(this::shutDownAndReboot, "harbor-reboot");
        thread.setDaemon(false);
        thread.start();
        return new RebootResult.Scheduled(delay);
    }

    private void shutDownAndReboot() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("Rebooting: shutting the gateway down");
        try {
            shutdown.run();
        } catch (RuntimeException e) {
            // The reboot still runs: a restart is the cure for a gateway that cannot even stop cleanly.
            log.error("The orderly shutdown before the reboot failed", e);
        }
        log.warn("Rebooting: running the reboot command");
        host.reboot();
    }
}
