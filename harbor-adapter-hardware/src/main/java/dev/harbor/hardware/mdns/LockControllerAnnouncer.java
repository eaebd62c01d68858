package dev.harbor.hardware.mdns;

import dev.harbor.domain.controller.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import javax.jmdns.impl.ServiceInfoImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces one network lock controller as {@code _harbor-lockctl._tcp}, so the board simulator
 * in TCP mode can be found like a real network board. Bound to one explicit address.
 */
public final class LockControllerAnnouncer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LockControllerAnnouncer.class);
    private static final Duration ANNOUNCE_TIMEOUT = Duration.ofSeconds(8);

    /** The announced board: instance {@code name}, the TCP {@code port} it listens on, and its TXT data. */
    public record Board(String name, int port, Protocol protocol, int boardAddress, int locks) {
        public Board {
            Objects.requireNonNull(protocol, "protocol");
            // DNS-SD's limit on an instance name, stricter than a display name's.
            if (name == null || name.isBlank() || name.length() > 63) {
                throw new IllegalArgumentException("name must be 1-63 characters");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535");
            }
            protocol.requireAddress(boardAddress);
            protocol.requireLockCount(LockControllerTxt.LOCKS, locks);
        }
    }

    private final JmDNS jmdns;

    private LockControllerAnnouncer(JmDNS jmdns) {
        this.jmdns = jmdns;
    }

    /**
     * @throws IllegalArgumentException for a wildcard or multicast address
     * @throws UncheckedIOException     when binding or announcing fails
     */
    public static LockControllerAnnouncer start(InetAddress bindAddress, Board board) {
        MdnsBinding.requireExplicit(bindAddress);
        Objects.requireNonNull(board, "board");
        JmDNS jmdns = null;
        try {
            jmdns = JmDNS.create(bindAddress, "harbor-lockctl-" + board.port());
            ServiceInfo info = ServiceInfo.create(
                    MdnsServiceTypes.LOCK_CONTROLLER,
                    board.name(),
                    board.port(),
                    0,
                    0,
                    Map.of(
                            LockControllerTxt.PROTOCOL,
                            board.protocol().id(),
                            LockControllerTxt.BOARD_ADDRESS,
                            Integer.toString(board.boardAddress()),
                            LockControllerTxt.LOCKS,
                            Integer.toString(board.locks())));
            jmdns.registerService(info);
            awaitAnnounced(info, board.name());
        } catch (IOException e) {
            closeQuietly(jmdns);
            throw new UncheckedIOException("mDNS announcement of lock controller '" + board.name() + "' failed", e);
        }
        log.info(
                "mDNS on {}: announcing lock controller '{}' ({}) on port {}",
                bindAddress.getHostAddress(),
                board.name(),
                board.protocol().id(),
                board.port());
        return new LockControllerAnnouncer(jmdns);
    }

    /**
     * JmDNS registers in the background (probing, then announcing: about 4 s); waiting means a
     * simulator that reports "started" can already be found. Bounded, since this uses JmDNS
     * internals that may change.
     */
    private static void awaitAnnounced(ServiceInfo info, String name) {
        if (info instanceof ServiceInfoImpl impl && !impl.waitForAnnounced(ANNOUNCE_TIMEOUT.toMillis())) {
            log.warn("mDNS announcement of lock controller '{}' not confirmed within {}", name, ANNOUNCE_TIMEOUT);
        }
    }

    @Override
    public void close() {
        jmdns.unregisterAllServices();
        closeQuietly(jmdns);
    }

    private static void closeQuietly(JmDNS jmdns) {
        if (jmdns == null) {
            return;
        }
        try {
            jmdns.close();
        } catch (IOException e) {
            log.warn("Closing mDNS failed", e);
        }
    }
}
