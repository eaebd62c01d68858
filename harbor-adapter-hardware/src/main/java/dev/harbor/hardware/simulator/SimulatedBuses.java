package dev.harbor.hardware.simulator;

import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.link.BusLink;
import dev.harbor.hardware.link.BusLinkFactory;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-process simulated buses by name, shared by every simulated controller on the same bus name. */
public final class SimulatedBuses {

    private final Map<String, SimulatedBus> buses = new ConcurrentHashMap<>();
    private final SimulatorSettings settings;

    public SimulatedBuses(SimulatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public SimulatedBus bus(String name) {
        return buses.computeIfAbsent(name, n -> new SimulatedBus(n, settings));
    }

    public Optional<SimulatedBus> existing(String name) {
        return Optional.ofNullable(buses.get(name));
    }

    /**
     * Serves {@code Transport.Simulated} controllers from these buses: each attached board appears on
     * the bus its transport names, and the driver talks to it over an in-process line. Other
     * transports are left to the factory it is composed with.
     */
    public BusLinkFactory linkFactory() {
        return new BusLinkFactory() {
            @Override
            public Optional<BusLink> linkFor(Transport transport) {
                return transport instanceof Transport.Simulated simulated
                        ? Optional.of(new InProcessLink(bus(simulated.bus())))
                        : Optional.empty();
            }

            @Override
            public void boardAttached(BoardEndpoint endpoint, int lockCount) {
                if (endpoint.transport() instanceof Transport.Simulated simulated) {
                    bus(simulated.bus())
                            .addBoard(endpoint.protocol(), endpoint.boardAddress(), lockCount, endpoint.options());
                }
            }
        };
    }
}
