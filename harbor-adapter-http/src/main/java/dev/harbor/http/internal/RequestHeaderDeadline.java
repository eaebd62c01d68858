package dev.harbor.http.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.Container;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request line and headers take longer than a limit to arrive, so a
 * client that trickles its headers (a byte a second, each one resetting the idle timeout) cannot
 * hold a connection, and a few such clients cannot hold them all. Jetty 12 has no such limit.
 *
 * <p>The clock of a request starts when the connection opens (for its first request) or when the
 * first byte of the next request arrives on a kept-alive connection; a quiet kept-alive
 * connection is the idle timeout's business, not this one's. It stops when Jetty has parsed the
 * headers ({@link Connection#getMessagesIn()} counts them). Connections are looked at every
 * quarter of the limit, so one is closed between the limit and 1.5 times it. Nothing is answered:
 * a client that cannot send its headers in time would not read an answer either.
 */
public final class RequestHeaderDeadline implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RequestHeaderDeadline.class);

    private final long limitNanos;
    private final long periodNanos;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();
    private volatile Scheduler scheduler;

    public RequestHeaderDeadline(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the request header timeout must be positive, was " + limit);
        }
        this.limitNanos = limit.toNanos();
        this.periodNanos = Math.max(limit.toNanos() / 4, TimeUnit.MILLISECONDS.toNanos(10));
    }

    /** Watches every connection of every connector {@code server} has or gets. */
    public void install(Server server) {
        scheduler = server.getScheduler();
        server.addEventListener(new Container.Listener() {
            @Override
            public void beanAdded(Container parent, Object child) {
                if (child instanceof Connector connector) {
                    connector.addEventListener(RequestHeaderDeadline.this);
                }
            }

            @Override
            public void beanRemoved(Container parent, Object child) {
                if (child instanceof Connector connector) {
                    connector.removeEventListener(RequestHeaderDeadline.this);
                }
            }
        });
    }

    @Override
    public void onOpened(Connection connection) {
        Watch watch = new Watch(connection, System.nanoTime());
        watches.put(connection, watch);
        watch.schedule();
    }

    @Override
    public void onClosed(Connection connection) {
        Watch watch = watches.remove(connection);
        if (watch != null) {
            watch.cancel();
        }
    }

    /** One connection's progress; only the scheduler's thread touches its counters. */
    private final class Watch implements Runnable {

        private final Connection connection;
        private long headersSeen;
        private long bytesWhenIdle;
        /** When the request now awaited began to arrive; {@code -1} while none is arriving. */
        private long awaitedSince;

        private volatile Scheduler.Task task;
        private volatile boolean cancelled;

        Watch(Connection connection, long openedAt) {
            this.connection = connection;
            this.awaitedSince = openedAt;
        }

        void schedule() {
            Scheduler current = scheduler;
            if (current != null && !cancelled) {
                task = current.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
            }
        }

        void cancel() {
            cancelled = true;
            Scheduler.Task current = task;
            if (current != null) {
                current.cancel();
            }
        }

        @Override
        public void run() {
            if (cancelled || !connection.getEndPoint().isOpen()) {
                return;
            }
            long now = System.nanoTime();
            long headers = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            if (headers != headersSeen || headers > connection.getMessagesOut()) {
                // A request's headers arrived since the last look, or one is still being answered:
                // nothing is awaited until the next request's first byte.
                headersSeen = headers;
                bytesWhenIdle = bytes;
                awaitedSince = -1;
            } else if (awaitedSince < 0 && bytes > bytesWhenIdle) {
                awaitedSince = now;
            }
            if (awaitedSince >= 0 && now - awaitedSince >= limitNanos) {
                LOG.debug(
                        "Closing {}: no complete request headers within {} ms",
                        connection.getEndPoint().getRemoteSocketAddress(),
                        TimeUnit.NANOSECONDS.toMillis(limitNanos));
                connection.close();
                return;
            }
            schedule();
        }
    }
}
