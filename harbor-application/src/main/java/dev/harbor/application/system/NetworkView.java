package dev.harbor.application.system;

import dev.harbor.application.port.HostSystem;
import java.util.List;

/** The host's network identity as the gateway last read it. */
public record NetworkView(String hostname, List<Interface> interfaces) {

    public NetworkView {
        interfaces = List.copyOf(interfaces);
    }

    /** One network interface; an address the interface lacks is {@code null}. */
    public record Interface(String name, String ipv4, String ipv6, String mac) {}

    static NetworkView from(HostSystem.Network network) {
        return new NetworkView(
                network.hostname(),
                network.interfaces().stream()
                        .map(i -> new Interface(i.name(), i.ipv4(), i.ipv6(), i.mac()))
                        .toList());
    }
}
