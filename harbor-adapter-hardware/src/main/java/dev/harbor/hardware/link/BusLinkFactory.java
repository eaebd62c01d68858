package dev.harbor.hardware.link;

import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Transport;
import java.util.Optional;

/**
 * Where the board driver gets its {@link BusLink}s: given a controller's {@link Transport}, a link
 * to that bus, or nothing when this factory cannot reach that kind of transport. The driver is
 * handed one, so it never knows which buses are real: {@link #serialAndTcp()} for the wire,
 * composed with {@link #or} with a simulator's factory for {@code simulated} transports.
 *
 * <pre>{@code
 * BusLinkFactory links = BusLinkFactory.serialAndTcp().or(simulatedBuses.linkFactory());
 * }</pre>
 */
public interface BusLinkFactory {

    /**
     * A new, not yet opened link to the bus behind {@code transport} (the driver opens it, and
     * reopens it after failures), or empty when this factory does not serve that kind of transport.
     */
    Optional<BusLink> linkFor(Transport transport);

    /**
     * Told of every board attached, whatever its transport, before a link to its bus is asked for:
     * a simulator puts a board of that size on its bus. Real buses need nothing, hence the default.
     */
    default void boardAttached(BoardEndpoint endpoint, int lockCount) {}

    /** This factory, then {@code next} for the transports this one does not serve. */
    default BusLinkFactory or(BusLinkFactory next) {
        BusLinkFactory first = this;
        return new BusLinkFactory() {
            @Override
            public Optional<BusLink> linkFor(Transport transport) {
                return first.linkFor(transport).or(() -> next.linkFor(transport));
            }

            @Override
            public void boardAttached(BoardEndpoint endpoint, int lockCount) {
                first.boardAttached(endpoint, lockCount);
                next.boardAttached(endpoint, lockCount);
            }
        };
    }

    /** Serial devices through jSerialComm and TCP sockets: the buses of a real gateway. */
    static BusLinkFactory serialAndTcp() {
        return SerialAndTcpLinks.INSTANCE;
    }
}
