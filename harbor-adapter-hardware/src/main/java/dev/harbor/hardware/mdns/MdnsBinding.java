package dev.harbor.hardware.mdns;

import java.net.InetAddress;
import java.util.Objects;

/** The one rule every mDNS endpoint here obeys: bind to one explicit interface address. */
final class MdnsBinding {

    private MdnsBinding() {}

    /**
     * @throws IllegalArgumentException for a wildcard (0.0.0.0, ::) or multicast address: mDNS
     *                                  must never go out on every interface of the machine
     */
    static InetAddress requireExplicit(InetAddress address) {
        Objects.requireNonNull(address, "mDNS needs an explicit interface address to bind");
        if (address.isAnyLocalAddress()) {
            throw new IllegalArgumentException(
                    "mDNS refuses to bind to the wildcard address " + address.getHostAddress()
                            + ": configure the address of the one interface that faces the lock controllers");
        }
        if (address.isMulticastAddress()) {
            throw new IllegalArgumentException(
                    "mDNS must bind to an interface address, not the multicast address " + address.getHostAddress());
        }
        return address;
    }
}
