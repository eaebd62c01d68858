package dev.harbor.hardware.simulator;

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
}
